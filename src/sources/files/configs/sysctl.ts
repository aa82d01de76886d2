import { basename } from 'node:path';
import type { SysctlConfig, SysctlEntry } from '../../../model/components/types.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { ComponentFileReader } from '../component-readers.js';
import { contentLines, ext, fileRef, fileSource, lineKey, parseProblem } from './common.js';

const ENTRY = /^-?\s*([A-Za-z0-9_][\w./*-]*)\s*=\s*(.*)$/;
const SYSCTL_LINE = /^-?\s*[a-z0-9_]+(\.[\w*-]+|\/[\w*-]+)+\s*=/;

/** Whether a file's first meaningful lines look like sysctl settings (`net.core.somaxconn = 32768`). */
const looksLikeSysctl = (head: string): boolean => {
  const lines = contentLines(head).slice(0, 20);
  return lines.length > 0 && lines.every((l) => SYSCTL_LINE.test(l.text));
};

/** sysctl.conf and sysctl.d/*.conf (`key = value`, `#`/`;` comments, a leading `-` ignores errors). */
export const SYSCTL_READER: ComponentFileReader = {
  name: 'sysctl',
  matches: (file, head) =>
    head === ''
      ? basename(file) === 'sysctl.conf' || ext(file) === '.conf' || ext(file) === '.sysctl'
      : basename(file) === 'sysctl.conf' || looksLikeSysctl(head),
  read(text, file, firstLine = 1) {
    const entries: SysctlEntry[] = [];
    const lines = new Map<string, number>();
    const diagnostics: Diagnostic[] = [];
    for (const l of contentLines(text, firstLine)) {
      const m = ENTRY.exec(l.text);
      if (!m) {
        diagnostics.push(parseProblem(file, l.line, `not a sysctl setting: ${JSON.stringify(l.text.slice(0, 80))}`));
        continue;
      }
      const key = m[1]!.replace(/\//g, '.');
      const path = [key];
      lines.set(lineKey(path), l.line);
      entries.push({ key, value: m[2]!.trim().replace(/\s+/g, ' '), path });
    }
    const cfg: SysctlConfig = {
      component: 'sysctl',
      ref: fileRef('SysctlFile', file),
      source: fileSource(file, firstLine, lines),
      entries,
    };
    return { components: [cfg], diagnostics };
  },
};
