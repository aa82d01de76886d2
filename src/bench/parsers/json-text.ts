import { BenchOutputError } from '../errors.js';

/** The 1-based line of a character offset. */
export const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** JSON.parse that names the source and the line, and calls an early end "truncated". */
export function parseJsonText(text: string, source: string, tool: string): unknown {
  if (text.trim() === '') throw new BenchOutputError(source, `empty output, expected ${tool} JSON`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const end = /end of JSON input|Unterminated/.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    const line = pos ? lineAt(text, Number(pos[1])) : text.split('\n').length;
    throw new BenchOutputError(
      source,
      end ? `truncated ${tool} JSON (ends early at line ${line})` : `not ${tool} JSON (line ${line}: ${msg})`,
      { cause: e },
    );
  }
}

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A finite number at `obj[key]`, or a clear error naming the field. */
export function num(obj: Record<string, unknown>, key: string, source: string, where: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new BenchOutputError(source, `${where}.${key} is missing or not a number`);
  return v;
}

export function obj(
  parent: Record<string, unknown>,
  key: string,
  source: string,
  where: string,
): Record<string, unknown> {
  const v = parent[key];
  if (!isObj(v)) throw new BenchOutputError(source, `${where}.${key} is missing`);
  return v;
}
