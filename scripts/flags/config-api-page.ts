/**
 * Parses a config API reference page of kubernetes/website (content/en/docs/reference/config-api/<api>.md,
 * generated from the Go types by kubernetes-sigs/reference-docs) into its types and their fields: name, type,
 * default (the "Default:" line of the description) and whether the description deprecates the field. Embedded
 * (inlined) members — fields named after their type, "Members of X are embedded into this type" — are expanded.
 */
export interface ApiField {
  readonly name: string;
  readonly type: string;
  readonly default?: string;
  readonly deprecated: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
const text = (html: string): string => decode(html.replace(/<[^>]+>/g, '')).trim();

/** `## \`Name\`  {#anchor}` sections → the rows of their field table. */
function sections(page: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const parts = page.split(/^## `/m).slice(1);
  for (const part of parts) {
    const name = part.slice(0, part.indexOf('`'));
    const body = part.slice(0, part.search(/<\/tbody>|$/));
    out.set(name, body.split(/<tr><td><code>/).slice(1));
  }
  return out;
}

function fieldOf(row: string): ApiField & { embedded: boolean } {
  const name = row.slice(0, row.indexOf('</code>'));
  const cells = row.split(/<\/td>\s*<td>/);
  const head = cells[0]!;
  const type = text(head.slice(head.indexOf('<br/>') + 5)) || 'object';
  const desc = text(cells[1] ?? '');
  const dflt = /(?:^|\n)\s*Default: ([^\n]+)/.exec(desc)?.[1]?.trim().replace(/\.$/, '');
  return {
    name,
    type: type.replace(/\s+/g, ' '),
    ...(dflt === undefined ? {} : { default: dflt.replace(/^"(.*)"$/, '$1') }),
    deprecated: /\b(Deprecated|DEPRECATED)\b[:,]?/.test(desc) && !/not deprecated/i.test(desc),
    embedded: /^[A-Z]/.test(name) && /are embedded into this type/.test(desc),
  };
}

/** Top-level fields of each type on the page, embedded members expanded (apiVersion/kind rows skipped). */
export function parseConfigApiPage(page: string): Map<string, ApiField[]> {
  const raw = sections(page);
  const resolve = (type: string, seen: Set<string>): ApiField[] =>
    (raw.get(type) ?? []).flatMap((row) => {
      const f = fieldOf(row);
      if (f.name === 'apiVersion' || f.name === 'kind') return [];
      if (f.embedded && !seen.has(f.name)) return resolve(f.name, new Set([...seen, f.name]));
      const { embedded: _embedded, ...field } = f;
      return [field];
    });
  return new Map([...raw.keys()].map((t) => [t, resolve(t, new Set([t]))]));
}
