// The single entry point behind every door: validate the channel and payload, run the handler,
// answer with the result envelope. Never throws.
import { isChannel, requestValidators, type Channel, type TalaApi } from '../../shared/contract';
import { AppError, toErrorInfo, type Result } from '../../shared/errors';

export async function dispatch(api: TalaApi, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('INVALID_REQUEST', `Unknown request: ${String(channel).slice(0, 80)}`);
    const request = requestValidators[channel](payload, 'request');
    const handler = api[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(request);
    return { ok: true, value };
  } catch (err) {
    const error = toErrorInfo(err);
    if (error.code === 'INTERNAL') console.error(`[tala] ${String(channel)} failed:`, err);
    return { ok: false, error };
  }
}

export type { Channel };
