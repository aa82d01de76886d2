import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { Utf8Validator } from './utf8.js';

const feed = (bytes: Buffer, cuts: number[]): void => {
  const v = new Utf8Validator('f.json');
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    v.push(bytes.subarray(at, c));
    at = c;
  }
  v.end();
};

describe('Utf8Validator', () => {
  const text = Buffer.from('{"a":"héllo €uro 𝄞 clef"}', 'utf8');

  it('accepts valid UTF-8 however the chunks cut its characters', () => {
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++) expect(() => feed(text, [i, j])).not.toThrow();
  });

  it('rejects invalid bytes, wherever they fall', () => {
    const bad = Buffer.concat([text.subarray(0, 10), Buffer.from([0xff]), text.subarray(10)]);
    for (let i = 0; i <= bad.length; i++) expect(() => feed(bad, [i])).toThrow('f.json: not valid UTF-8');
  });

  it('rejects a character cut short at the end of input', () => {
    const cut = text.subarray(0, text.indexOf(Buffer.from('€')) + 1);
    expect(() => feed(cut, [])).toThrow('not valid UTF-8');
  });

  it('rejects a lead byte followed by a non-continuation byte across chunks', () => {
    const bad = Buffer.from([0x41, 0xe2, 0x82, 0x41, 0x42]);
    for (let i = 0; i <= bad.length; i++) expect(() => feed(bad, [i])).toThrow('not valid UTF-8');
  });

  it('scan finds where invalid bytes are, agreeing with isUtf8 on arbitrary bytes however they are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(64), (bytes, cutAt) => {
        const buf = Buffer.from(bytes);
        const v = new Utf8Validator('f');
        const cut = Math.min(cutAt, buf.length);
        const bad = [...v.scan(buf.subarray(0, cut)), ...v.scan(buf.subarray(cut)).map((o) => o + cut)];
        expect(bad.length === 0 && !v.cutShort()).toBe(isUtf8(buf));
        for (const o of bad) expect(o).toBeLessThan(Math.max(buf.length, 1));
      }),
    );
    const bad = Buffer.concat([
      text.subarray(0, 10),
      Buffer.from([0xff]),
      text.subarray(10, 20),
      Buffer.from([0xc0, 0x80]),
    ]);
    expect(new Utf8Validator('f').scan(bad)).toEqual([10, 21, 22]);
    expect(() => new Utf8Validator('f').push(bad)).toThrow('f: not valid UTF-8 (first invalid byte at offset 10)');
  });
});
