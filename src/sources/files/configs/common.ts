import { basename, extname } from 'node:path';
import type { JsonPath } from '../../../core/json-path.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { ObjectRef, SourceLocation } from '../../../model/object.js';

/** The pseudo apiVersion of configs read from plain files (they are not Kubernetes objects). */
export const FILE_API_VERSION = 'kubetune.io/file';

export const fileRef = (kind: string, file: string): ObjectRef => ({
  apiVersion: FILE_API_VERSION,
  kind,
  name: basename(file),
});

export const fileSource = (file: string, line: number, lines: ReadonlyMap<string, number>): SourceLocation => ({
  file,
  line,
  lines,
});

export const ext = (file: string): string => extname(file).toLowerCase();

export function parseProblem(file: string, line: number, message: string): Diagnostic {
  return { code: 'parse-error', severity: 'error', file, line, message: `${file}:${line}: ${message}` };
}

export const lineKey = (path: JsonPath): string => JSON.stringify(path);

/** Splits `text` into lines with their 1-based numbers, dropping blank lines and `#`/`;` comments. */
export function contentLines(text: string, firstLine = 1): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: firstLine + i, text: t.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#') && !l.text.startsWith(';'));
}
