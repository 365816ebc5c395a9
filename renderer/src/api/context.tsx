// Components get the API from context (tests provide a fake); the default is the real transport. The same
// provider holds the query cache of the archive's answers (api/queries.ts), one per API.
import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { TalaApi } from '../../../shared/contract';
import { createQueryClient } from './queries';
import { getApi } from './transport';

const ApiContext = createContext<TalaApi | null>(null);

export function ApiProvider({ api, children }: { api?: TalaApi; children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <ApiContext.Provider value={api ?? getApi()}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

export function useApi(): TalaApi {
  return useContext(ApiContext) ?? getApi();
}
