import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';

/**
 * PromQL parsed with Prometheus' own Lezer grammar (@prometheus-io/lezer-promql) into a small typed AST.
 * Offsets (`from`, `to`) index the query text as given, so findings can point into it.
 */
export interface LabelMatcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

interface Span {
  readonly from: number;
  readonly to: number;
}

export type PromExpr =
  | (Span & { readonly type: 'vector'; readonly name?: string; readonly matchers: readonly LabelMatcher[] })
  | (Span & { readonly type: 'matrix'; readonly expr: PromExpr; readonly range: string })
  | (Span & { readonly type: 'subquery'; readonly expr: PromExpr; readonly range: string })
  | (Span & { readonly type: 'call'; readonly fn: string; readonly args: readonly PromExpr[] })
  | (Span & {
      readonly type: 'aggregate';
      readonly op: string;
      readonly grouping?: { readonly mode: 'by' | 'without'; readonly labels: readonly string[] };
      readonly args: readonly PromExpr[];
    })
  | (Span & { readonly type: 'binary'; readonly op: string; readonly lhs: PromExpr; readonly rhs: PromExpr })
  | (Span & { readonly type: 'unary'; readonly op: string; readonly expr: PromExpr })
  | (Span & { readonly type: 'paren'; readonly expr: PromExpr })
  | (Span & { readonly type: 'modified'; readonly modifier: 'offset' | '@'; readonly expr: PromExpr })
  | (Span & { readonly type: 'number'; readonly value: string })
  | (Span & { readonly type: 'string'; readonly value: string });

export interface PromSyntaxError {
  readonly message: string;
  /** 0-based offset in the query, and 1-based line and column. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export type ParsedPromQL =
  { readonly ok: true; readonly expr: PromExpr } | { readonly ok: false; readonly error: PromSyntaxError };

/**
 * Grafana template variables ($__rate_interval, ${cluster}, $job) are not PromQL. Outside string literals they are
 * replaced by same-length stand-ins (a duration inside [...] or after offset, an identifier elsewhere), so positions
 * keep pointing at the original text.
 */
export function substituteTemplateVariables(query: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (quote) {
      out += ch;
      if (ch === '\\') out += query[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
      out += ch;
      continue;
    }
    const m = ch === '$' ? /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(query.slice(i)) : null;
    if (!m) {
      out += ch;
      continue;
    }
    const len = m[0].length;
    const before = out.trimEnd();
    const durationContext = before.endsWith('[') || before.endsWith(':') || /offset$/i.test(before);
    out += durationContext ? '1'.repeat(Math.max(1, len - 1)) + 's' : 'v' + '_'.repeat(len - 1);
    i += len - 1;
  }
  return out;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const unquote = (s: string): string => {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'" || s[0] === '`')) {
    const body = s.slice(1, -1);
    return s[0] === '`' ? body : body.replace(/\\(.)/g, '$1');
  }
  return s;
};

const kids = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

class Converter {
  constructor(private readonly text: string) {}

  private src(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  private matchers(n: SyntaxNode | null): LabelMatcher[] {
    if (!n) return [];
    return kids(n)
      .filter((m) => m.name.endsWith('LabelMatcher'))
      .map((m) => {
        const parts = kids(m);
        const name = parts.find((p) => p.name === 'LabelName' || p.name === 'QuotedLabelName');
        const op = parts.find((p) => p.name === 'MatchOp');
        const value = parts.find((p) => p.name === 'StringLiteral');
        return {
          name: name ? unquote(this.src(name)) : '',
          op: (op ? this.src(op) : '=') as LabelMatcher['op'],
          value: value ? unquote(this.src(value)) : '',
        };
      });
  }

  vector(n: SyntaxNode): PromExpr {
    const parts = kids(n);
    const ident = parts.find((p) => p.name === 'Identifier' || p.name === 'QuotedLabelName');
    const matchers = this.matchers(parts.find((p) => p.name === 'LabelMatchers') ?? null);
    const bare = matchers.filter((m) => m.name !== '');
    const nameMatcher = bare.find((m) => m.name === '__name__' && m.op === '=');
    const name = ident
      ? unquote(this.src(ident))
      : (nameMatcher?.value ?? matchers.find((m) => m.name === '' && m.value)?.value);
    return { type: 'vector', from: n.from, to: n.to, ...(name !== undefined ? { name } : {}), matchers: bare };
  }

  exprChildren(n: SyntaxNode): PromExpr[] {
    return kids(n).flatMap((c) => this.convert(c) ?? []);
  }

  convert(n: SyntaxNode): PromExpr | undefined {
    return HANDLERS[n.name]?.(this, n, { from: n.from, to: n.to });
  }

  single(n: SyntaxNode): PromExpr | undefined {
    return this.exprChildren(n)[0];
  }

  durationOf(n: SyntaxNode, names: readonly string[]): string {
    const dur = kids(n).find((c) => names.includes(c.name));
    return dur ? this.src(dur) : '';
  }

  call(n: SyntaxNode, span: Span): PromExpr {
    const ident = kids(n).find((c) => c.name === 'FunctionIdentifier');
    const body = kids(n).find((c) => c.name === 'FunctionCallBody');
    return { ...span, type: 'call', fn: ident ? this.src(ident) : '', args: body ? this.exprChildren(body) : [] };
  }

  aggregate(n: SyntaxNode, span: Span): PromExpr {
    const op = kids(n).find((c) => c.name === 'AggregateOp');
    const mod = kids(n).find((c) => c.name === 'AggregateModifier');
    const body = kids(n).find((c) => c.name === 'FunctionCallBody');
    const grouping = mod
      ? {
          mode: kids(mod).some((c) => c.name === 'Without') ? ('without' as const) : ('by' as const),
          labels: kids(kids(mod).find((c) => c.name === 'GroupingLabels') ?? mod)
            .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
            .map((c) => unquote(this.src(c))),
        }
      : undefined;
    const args = body ? this.exprChildren(body) : [];
    return {
      ...span,
      type: 'aggregate',
      op: op ? this.src(op).toLowerCase() : '',
      ...(grouping ? { grouping } : {}),
      args,
    };
  }

  binary(n: SyntaxNode, span: Span): PromExpr | undefined {
    const [lhs, rhs] = this.exprChildren(n);
    const op = kids(n).find((c) => !c.type.isError && this.convert(c) === undefined && !/Modifier|Clause/.test(c.name));
    return lhs && rhs ? { ...span, type: 'binary', op: op ? this.src(op) : '', lhs, rhs } : lhs;
  }

  textOf(n: SyntaxNode): string {
    return this.src(n);
  }
}

type Handler = (c: Converter, n: SyntaxNode, span: Span) => PromExpr | undefined;
const wrap =
  (build: (inner: PromExpr, c: Converter, n: SyntaxNode, span: Span) => PromExpr): Handler =>
  (c, n, span) => {
    const inner = c.single(n);
    return inner ? build(inner, c, n, span) : undefined;
  };

/** One converter per Lezer node type that is an expression; other nodes (tokens, modifiers) convert to nothing. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  PromQL: (c, n) => c.single(n),
  FunctionCallBody: (c, n) => c.single(n),
  VectorSelector: (c, n) => c.vector(n),
  MatrixSelector: wrap((expr, c, n, span) => ({
    ...span,
    type: 'matrix',
    expr,
    range: c.durationOf(n, ['DurationExpr', 'NumberDurationLiteralInDurationContext']),
  })),
  SubqueryExpr: wrap((expr, c, n, span) => ({
    ...span,
    type: 'subquery',
    expr,
    range: c.durationOf(n, ['DurationExpr']),
  })),
  FunctionCall: (c, n, span) => c.call(n, span),
  AggregateExpr: (c, n, span) => c.aggregate(n, span),
  BinaryExpr: (c, n, span) => c.binary(n, span),
  UnaryExpr: wrap((expr, c, n, span) => {
    const op = kids(n).find((k) => k.name === 'UnaryOp');
    return { ...span, type: 'unary', op: op ? c.textOf(op) : '-', expr };
  }),
  ParenExpr: wrap((expr, _c, _n, span) => ({ ...span, type: 'paren', expr })),
  OffsetExpr: wrap((expr, _c, _n, span) => ({ ...span, type: 'modified', modifier: 'offset', expr })),
  StepInvariantExpr: wrap((expr, _c, _n, span) => ({ ...span, type: 'modified', modifier: '@', expr })),
  NumberDurationLiteral: (c, n, span) => ({ ...span, type: 'number', value: c.textOf(n) }),
  StringLiteral: (c, n, span) => ({ ...span, type: 'string', value: unquote(c.textOf(n)) }),
};

/** Parses a PromQL expression (Grafana variables allowed); syntax errors come back with their position. */
export function parsePromQL(query: string): ParsedPromQL {
  const text = substituteTemplateVariables(query);
  const tree = parser.parse(text);
  let errorAt: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (errorAt === undefined && n.type.isError) errorAt = n.from;
      return errorAt === undefined;
    },
  });
  if (errorAt !== undefined || text.trim() === '') {
    const offset = Math.min(errorAt ?? 0, query.length);
    const near = query.slice(offset, offset + 20).split('\n')[0];
    const message =
      offset >= query.trimEnd().length ? 'unexpected end of expression' : `unexpected input near "${near}"`;
    return { ok: false, error: { message, offset, ...position(query, offset) } };
  }
  const expr = new Converter(text).convert(tree.topNode);
  if (!expr) return { ok: false, error: { message: 'not an expression', offset: 0, line: 1, column: 1 } };
  return { ok: true, expr };
}

/** Direct sub-expressions. */
export function childrenOf(e: PromExpr): readonly PromExpr[] {
  switch (e.type) {
    case 'matrix':
    case 'subquery':
    case 'unary':
    case 'paren':
    case 'modified':
      return [e.expr];
    case 'call':
    case 'aggregate':
      return e.args;
    case 'binary':
      return [e.lhs, e.rhs];
    default:
      return [];
  }
}

/** Depth-first walk that passes each node with its ancestors (outermost first). */
export function walkPromQL(
  e: PromExpr,
  visit: (node: PromExpr, ancestors: readonly PromExpr[]) => void,
  ancestors: readonly PromExpr[] = [],
): void {
  visit(e, ancestors);
  for (const c of childrenOf(e)) walkPromQL(c, visit, [...ancestors, e]);
}

/** Every vector selector of an expression with its ancestors. */
export function selectorsOf(
  e: PromExpr,
): { selector: Extract<PromExpr, { type: 'vector' }>; ancestors: readonly PromExpr[] }[] {
  const out: { selector: Extract<PromExpr, { type: 'vector' }>; ancestors: readonly PromExpr[] }[] = [];
  walkPromQL(e, (n, ancestors) => {
    if (n.type === 'vector') out.push({ selector: n, ancestors });
  });
  return out;
}
