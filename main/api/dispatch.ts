// The single entry point behind every door: validate the channel and payload, run the handler,
// answer with the result envelope. Never throws; faults reach the caller as a plain sentence with a log reference.
import { isChannel, requestValidators, type Channel, type TalaApi } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { publicError } from '../diagnostics';

export async function dispatch(api: TalaApi, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('INVALID_REQUEST', `Unknown request: ${String(channel).slice(0, 80)}`);
    const request = requestValidators[channel](payload, 'request');
    const handler = api[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(request);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: publicError(err, String(channel).slice(0, 80)) };
  }
}

export type { Channel };
