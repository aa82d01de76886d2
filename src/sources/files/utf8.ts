import { isUtf8 } from 'node:buffer';

/**
 * Validates a byte stream as UTF-8 chunk by chunk without decoding it (simdutf via `isUtf8`): a character
 * split across two chunks is checked once both halves have arrived. Throws naming the file.
 */
export class Utf8Validator {
  private carry: Buffer | undefined;

  constructor(private readonly file: string) {}

  push(chunk: Buffer): void {
    let from = 0;
    if (this.carry) {
      const need = sequenceLength(this.carry[0]!) - this.carry.length;
      from = Math.min(need, chunk.length);
      const joined = Buffer.concat([this.carry, chunk.subarray(0, from)]);
      this.carry = undefined;
      if (from < need) {
        this.carry = joined;
        return;
      }
      this.check(joined);
    }
    const cut = incompleteTail(chunk, from);
    this.check(chunk.subarray(from, cut));
    if (cut < chunk.length) this.carry = Buffer.from(chunk.subarray(cut));
  }

  /** At end of input: a character cut short is invalid. */
  end(): void {
    if (this.carry) this.fail();
  }

  private check(bytes: Buffer): void {
    if (bytes.length > 0 && !isUtf8(bytes)) this.fail();
  }

  private fail(): never {
    throw new Error(`${this.file} is not valid UTF-8`);
  }
}

/** Bytes in the sequence a lead byte starts (1 for ASCII and for bytes that cannot lead: isUtf8 rejects those). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf7) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where a multi-byte sequence cut off by the end of the chunk starts (chunk.length when none is). */
function incompleteTail(chunk: Buffer, from: number): number {
  const n = chunk.length;
  for (let k = n - 1; k >= Math.max(from, n - 4); k--) {
    const b = chunk[k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for its lead
    return k + sequenceLength(b) > n ? k : n;
  }
  return n;
}
