import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire, parseWire, stringifyWire } from '../../shared/wire';

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('wire encoding', () => {
  it('round-trips nested values with binary data, all byte values and empty arrays', () => {
    const value = {
      name: 'ulat.txt',
      data: allBytes,
      empty: new Uint8Array(0),
      list: [new Uint8Array([0, 255, 128]), [], { deep: { bytes: new Uint8Array([1]) } }],
      text: 'Sahakyan — Բակո Սահակյան — Бако Саакян',
      n: 42,
      ok: true,
      nothing: null,
    };
    const back = parseWire(stringifyWire(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.data)).toEqual(Array.from(allBytes));
    expect(back.empty).toBeInstanceOf(Uint8Array);
    expect(back.empty.length).toBe(0);
    expect(back.list[1]).toEqual([]);
  });

  it('uses the tagged { $bytes } form on the wire', () => {
    expect(encodeWire({ data: new Uint8Array([104, 105]) })).toEqual({ data: { $bytes: 'aGk=' } });
    expect(encodeWire(undefined)).toBeNull();
    expect(encodeWire({ a: 1, b: undefined })).toEqual({ a: 1 });
  });

  it('matches standard base64 for every length and offset', () => {
    for (let len = 0; len <= 20; len++) {
      for (let start = 0; start < 256 - len; start += 37) {
        const chunk = allBytes.subarray(start, start + len);
        const expected = Buffer.from(chunk).toString('base64');
        expect(bytesToBase64(chunk)).toBe(expected);
        expect(Array.from(base64ToBytes(expected))).toEqual(Array.from(chunk));
      }
    }
    expect(bytesToBase64(allBytes)).toBe(Buffer.from(allBytes).toString('base64'));
  });

  it('handles a few megabytes', () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 1);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 255;
    const text = bytesToBase64(big);
    expect(text).toBe(Buffer.from(big).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(big))).toBe(true);
  });

  it('rejects malformed base64 and tags with INVALID_REQUEST', () => {
    for (const bad of ['a', 'abc', 'ab=c', '====', 'a===', 'ab!d', 'aGk', 'aGl=', 'ñaaa']) {
      expect(() => base64ToBytes(bad), bad).toThrow(AppError);
    }
    for (const bad of [{ $bytes: 12 }, { $bytes: 'aGk=', extra: 1 }, { $bytes: 'not base64' }]) {
      try {
        decodeWire({ data: bad });
        expect.unreachable();
      } catch (err) {
        expect((err as AppError).code).toBe('INVALID_REQUEST');
      }
    }
    expect(() => parseWire('{"name": ')).toThrow(/not valid JSON/);
    expect(() => encodeWire({ $bytes: 'x' })).toThrow(/reserved/);
  });

  it('keeps "__proto__" as plain data instead of changing prototypes', () => {
    const back = parseWire('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurdly deep nesting', () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    expect(() => parseWire(deep)).toThrow(/nested too deeply/);
  });

  it('passes values without binary data through unchanged (no copy), with the same checks and output', () => {
    const doc = {
      id: 'd',
      passages: [{ text: 'Nanalo si Bako Sahakyan', sentences: [[0, 23]], note: undefined }],
      tags: [] as string[],
    };
    expect(encodeWire(doc)).toBe(doc);
    expect(JSON.stringify(encodeWire(doc))).toBe(stringifyWire(doc));
    expect(encodeWire(undefined)).toBeNull();
    expect(() => encodeWire({ deep: [{ $bytes: 'x' }] })).toThrow(/reserved/);
    const nested: unknown[] = [];
    let cur = nested;
    for (let i = 0; i < 100; i++) cur = (cur[0] = []) as unknown[];
    expect(() => encodeWire(nested)).toThrow(/nested too deeply/);

    const parsed = JSON.parse('{"a":[{"b":1}],"__proto__":{"x":1}}');
    expect(decodeWire(parsed)).toBe(parsed);
    expect(parseWire('{"a":[{"b":1}]}')).toEqual({ a: [{ b: 1 }] });
    // A tag anywhere (even spelled with an escape) is still decoded or refused.
    expect(parseWire('{"a":[{"\\u0024bytes":"AAE="}]}')).toEqual({ a: [new Uint8Array([0, 1])] });
    expect(() => parseWire('{"a":{"$bytes":1}}')).toThrow(/only a base64 string/);
  });
});
