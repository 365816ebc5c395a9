// Tiny runtime guards for IPC/HTTP payloads. Dependency-free so both processes can use them.
import { AppError } from './errors';

export type Validator<T> = (value: unknown, path: string) => T;

/** Refuses a request: `path` (request.limit) must be `expected` (a number...). */
export function fail(path: string, expected: string): never {
  throw new AppError('INVALID_REQUEST', `Invalid request: ${path} must be ${expected}.`, { path });
}

export const str =
  (opts: { min?: number; max?: number } = {}): Validator<string> =>
  (v, path) => {
    if (typeof v !== 'string') fail(path, 'a string');
    const { min = 0, max = 10_000 } = opts;
    if (v.length < min) fail(path, min === 1 ? 'a non-empty string' : `at least ${min} characters`);
    if (v.length > max) fail(path, `at most ${max} characters`);
    return v;
  };

export const int =
  (opts: { min?: number; max?: number } = {}): Validator<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, 'an integer');
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = opts;
    if (v < min || v > max) fail(path, `between ${min} and ${max}`);
    return v;
  };

export const bytes =
  (opts: { max: number }): Validator<Uint8Array> =>
  (v, path) => {
    if (!(v instanceof Uint8Array)) fail(path, 'binary data');
    if (v.byteLength > opts.max) fail(path, `at most ${opts.max} bytes`);
    return v;
  };

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (v, path) =>
    v === undefined ? undefined : inner(v, path);

export const none: Validator<void> = (v, path) => {
  if (v !== undefined && v !== null) fail(path, 'empty');
};

type Shape = Record<string, Validator<unknown>>;
type FromShape<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>;
};

/** An object with exactly these keys (unknown keys are rejected: a typo must not be silently ignored). */
export const obj =
  <S extends Shape>(shape: S): Validator<FromShape<S>> =>
  (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) fail(path, 'an object');
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) fail(`${path}.${key}`, 'absent (unknown field)');
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(record[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as FromShape<S>;
  };

export const matching =
  (pattern: RegExp, description: string): Validator<string> =>
  (v, path) => {
    if (typeof v !== 'string' || !pattern.test(v)) fail(path, description);
    return v;
  };

export const bool: Validator<boolean> = (v, path) => {
  if (typeof v !== 'boolean') fail(path, 'true or false');
  return v;
};

export const oneOf =
  <T extends string>(values: readonly T[]): Validator<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      fail(path, `one of ${values.map((x) => `"${x}"`).join(', ')}`);
    return v as T;
  };

export const arrayOf =
  <T>(inner: Validator<T>, opts: { max: number }): Validator<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) fail(path, 'a list');
    if (v.length > opts.max) fail(path, `a list of at most ${opts.max} items`);
    return v.map((item, i) => inner(item, `${path}[${i}]`));
  };

export const nullable =
  <T>(inner: Validator<T>): Validator<T | null> =>
  (v, path) =>
    v === null ? null : inner(v, path);
