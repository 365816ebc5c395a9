// Components get the API from context (tests provide a fake); the default is the real transport.
import { createContext, useContext, type ReactNode } from 'react';
import type { TalaApi } from '../../../shared/contract';
import { getApi } from './transport';

const ApiContext = createContext<TalaApi | null>(null);

export function ApiProvider({ api, children }: { api?: TalaApi; children: ReactNode }) {
  return <ApiContext.Provider value={api ?? getApi()}>{children}</ApiContext.Provider>;
}

export function useApi(): TalaApi {
  return useContext(ApiContext) ?? getApi();
}
