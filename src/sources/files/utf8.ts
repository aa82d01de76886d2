import { isUtf8 } from 'node:buffer';
import { InputError } from '../../core/errors.js';

/**
 * Validates a byte stream as UTF-8 chunk by chunk without decoding it (simdutf via `isUtf8`): a character
 * split across two chunks is checked once both halves have arrived. `scan` reports where invalid bytes are (a reader
 * that skips only the documents holding them); `push` throws an InputError naming the file and the offset.
 */
export class Utf8Validator {
  private carry: Buffer | undefined;
  /** Bytes pushed so far. */
  private bytes = 0;

  constructor(private readonly file: string) {}

  /**
   * Offsets in `chunk` where invalid sequences start (0 for one that began in the previous chunk); empty when the
   * chunk is valid so far. Only a chunk that fails the fast check is walked byte by byte.
   */
  scan(chunk: Buffer): number[] {
    let from = 0;
    const bad: number[] = [];
    if (this.carry) {
      const need = sequenceLength(this.carry[0]!) - this.carry.length;
      from = Math.min(need, chunk.length);
      const joined = Buffer.concat([this.carry, chunk.subarray(0, from)]);
      this.carry = undefined;
      if (from < need) {
        this.carry = joined;
        return bad;
      }
      if (!isUtf8(joined)) bad.push(0);
    }
    const cut = incompleteTail(chunk, from);
    const body = chunk.subarray(from, cut);
    if (body.length > 0 && !isUtf8(body)) bad.push(...invalidOffsets(body).map((o) => o + from));
    if (cut < chunk.length) this.carry = Buffer.from(chunk.subarray(cut));
    return bad;
  }

  /** Throws at the first invalid byte, naming its offset in the input. */
  push(chunk: Buffer): void {
    const bad = this.scan(chunk);
    this.bytes += chunk.length;
    if (bad.length > 0) this.fail(this.bytes - chunk.length + bad[0]!);
  }

  /** At end of input: a character cut short is invalid. */
  end(): void {
    if (this.cutShort()) this.fail(this.bytes);
  }

  /** The input so far ends inside a character (invalid if nothing follows). */
  cutShort(): boolean {
    return this.carry !== undefined;
  }

  private fail(offset: number): never {
    throw new InvalidUtf8Error(this.file, offset);
  }
}

/** A file that is not UTF-8 where it cannot be read in parts (JSON, component files): the byte offset is named. */
export class InvalidUtf8Error extends InputError {
  constructor(
    file: string,
    readonly offset: number,
  ) {
    super(`not valid UTF-8 (first invalid byte at offset ${offset})`, file);
  }
}

/** Newlines in `bytes` before `end` (a newline byte is never part of a multi-byte sequence). */
export function newlinesBefore(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Start offsets of the invalid sequences in a chunk that holds no cut-off character at its end. */
function invalidOffsets(bytes: Buffer): number[] {
  const bad: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = validSequenceAt(bytes, i);
    if (n === 0) {
      bad.push(i);
      i++;
    } else i += n;
  }
  return bad;
}

/** Length of the valid UTF-8 sequence at `i`, 0 when the bytes there are not one (RFC 3629: no overlongs, surrogates). */
function validSequenceAt(b: Buffer, i: number): number {
  const lead = b[i]!;
  if (lead < 0x80) return 1;
  const n = sequenceLength(lead);
  if (n === 1 || i + n > b.length) return 0;
  const second = b[i + 1]!;
  const [lo, hi] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (lead < 0xc2 || lead > 0xf4 || second < lo || second > hi) return 0;
  for (let k = 2; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
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
