import { DOCS_BASE, type Rule, type RuleDef, type RuleId, type Target } from './types.js';

export const defineRule = <T extends Target, M extends string>(def: RuleDef<T, M>): Rule<T, M> =>
  Object.freeze({ ...def, id: def.id as RuleId, docsUrl: `${DOCS_BASE}/rules/${def.id}.md` });

/** Replaces `{name}` placeholders with values from data. */
export const renderMessage = (template: string, data: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in data ? String(data[name]) : m));

export const placeholdersOf = (template: string): readonly string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
