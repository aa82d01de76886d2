import type { JsonPath } from '../core/json-path.js';
import { renderMessage } from './define-rule.js';
import { Interner, PathInterner } from './interning.js';
import { orderFindings, type FindingKeys } from './finding-order.js';
import type { AnyRule, Finding, Located, PatchOp, Priority, Severity, Violation } from './types.js';

type Data = Readonly<Record<string, string | number>>;

const PRIORITIES: readonly (Priority | undefined)[] = [undefined, 'P0', 'P1', 'P2'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A growable Int32Array. */
class IntColumn {
  private data = new Int32Array(1024);
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(Math.max(this.data.length * 2, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

/** What a finding carries beyond its columns: rare, so kept by row in a sparse map. */
interface Extras {
  readonly evidence?: Data;
  readonly fix?: readonly PatchOp[];
}

/**
 * The findings of a run, compact: one row of small integers per finding (rule, severity, object, path, data, line,
 * priority) into tables of shared values, so that a finding costs tens of bytes, not a kilobyte. The rule's object
 * reference, source and paths are shared, never copied; the message is rendered when a finding is read, not stored.
 * `at(i)` gives the plain `Finding` of the i-th finding in sorted order (after `sort()`), exactly as reporters and
 * the JSON output have always seen it.
 */
export class FindingTable implements FindingKeys {
  private readonly rules: AnyRule[] = [];
  private readonly ruleIndex = new Map<AnyRule, number>();
  private readonly located = new Interner<Located>();
  private readonly paths = new PathInterner();
  private readonly data = new Interner<Data>((d) => JSON.stringify(d));
  private readonly messageIds = new Interner<string>();
  private readonly cols = {
    rule: new IntColumn(),
    severity: new IntColumn(),
    at: new IntColumn(),
    path: new IntColumn(),
    data: new IntColumn(),
    line: new IntColumn(),
    priority: new IntColumn(),
    messageId: new IntColumn(),
  };
  private readonly extras = new Map<number, Extras>();
  private order: Uint32Array | undefined;
  private rows = 0;

  get length(): number {
    return this.rows;
  }

  /**
   * Adds a violation of `rule` found at `at`. Its line is the line of its path when the source kept lines per path,
   * else the object's line; 0 for none (live objects).
   */
  add(rule: AnyRule, severity: Severity, v: Violation<string>, at: Located): void {
    const src = at.source;
    const found = src?.lines?.get(JSON.stringify(v.path)) ?? src?.line;
    const i = this.newRow(rule, severity, at);
    const c = this.cols;
    c.path.set(i, this.paths.id(v.path));
    c.data.set(i, v.data ? this.data.id(v.data) : -1);
    c.line.set(i, found !== undefined && found > 0 ? found : 0);
    c.priority.set(i, PRIORITIES.indexOf(v.priority ?? rule.priority));
    c.messageId.set(i, this.messageIds.id(v.messageId));
    if (v.evidence || v.fix)
      this.extras.set(i, { ...(v.evidence ? { evidence: v.evidence } : {}), ...(v.fix ? { fix: v.fix } : {}) });
  }

  /** Appends every row of `other` (a later run over the same snapshot), in its insertion order. */
  append(other: FindingTable): void {
    const c = this.cols;
    for (let row = 0; row < other.rows; row++) {
      const i = this.newRow(other.ruleOf(row), other.severityOf(row), other.locatedOf(row));
      const data = other.dataOf(row);
      c.path.set(i, this.paths.id(other.pathOf(row)));
      c.data.set(i, data ? this.data.id(data) : -1);
      c.line.set(i, other.lineOf(row));
      c.priority.set(i, other.cols.priority.get(row));
      c.messageId.set(i, this.messageIds.id(other.messageIdOf(row)));
      const x = other.extras.get(row);
      if (x) this.extras.set(i, x);
    }
  }

  private newRow(rule: AnyRule, severity: Severity, at: Located): number {
    const i = this.rows++;
    let r = this.ruleIndex.get(rule);
    if (r === undefined) this.ruleIndex.set(rule, (r = this.rules.push(rule) - 1));
    this.cols.rule.set(i, r);
    this.cols.severity.set(i, SEVERITIES.indexOf(severity));
    this.cols.at.set(i, this.located.id(at));
    this.order = undefined;
    return i;
  }

  ruleOf(row: number): AnyRule {
    return this.rules[this.cols.rule.get(row)]!;
  }
  severityOf(row: number): Severity {
    return SEVERITIES[this.cols.severity.get(row)]!;
  }
  /** Index in SEVERITIES (error 0, warning 1, info 2): the severity rank. */
  severityIdOf(row: number): number {
    return this.cols.severity.get(row);
  }
  priorityOf(row: number): Priority | undefined {
    return PRIORITIES[this.cols.priority.get(row)];
  }
  locatedOf(row: number): Located {
    return this.located.value(this.cols.at.get(row));
  }
  locatedIdOf(row: number): number {
    return this.cols.at.get(row);
  }
  locatedCount(): number {
    return this.located.size;
  }
  locatedById(id: number): Located {
    return this.located.value(id);
  }
  pathOf(row: number): JsonPath {
    return this.paths.value(this.cols.path.get(row));
  }
  pathIdOf(row: number): number {
    return this.cols.path.get(row);
  }
  pathCount(): number {
    return this.paths.size;
  }
  pathById(id: number): JsonPath {
    return this.paths.value(id);
  }
  dataOf(row: number): Data | undefined {
    const d = this.cols.data.get(row);
    return d < 0 ? undefined : this.data.value(d);
  }
  messageIdOf(row: number): string {
    return this.messageIds.value(this.cols.messageId.get(row));
  }
  /** The source line, 0 when the finding has none (live objects). */
  lineOf(row: number): number {
    return this.cols.line.get(row);
  }
  /** The file of the finding's source, '' when it has no file line. */
  fileOf(row: number): string {
    return this.lineOf(row) > 0 ? (this.locatedOf(row).source?.file ?? '') : '';
  }
  /** Changes a row's line; the order stays as it was until `sort()` is called again (the line is a sort key). */
  setLine(row: number, line: number): void {
    this.cols.line.set(row, line);
  }
  messageOf(row: number): string {
    const template = (this.ruleOf(row).messages as Record<string, string>)[this.messageIdOf(row)];
    return renderMessage(template ?? this.messageIdOf(row), this.dataOf(row));
  }

  /** Puts the rows in the deterministic finding order (severity, rule, object, file, line, path, message). */
  sort(): void {
    this.order = orderFindings(this);
  }

  /** The row of the i-th finding in order (insertion order until sorted). */
  rowAt(i: number): number {
    return this.order ? this.order[i]! : i;
  }

  /** The i-th finding in order, as a plain Finding (built on each call: hold it only as long as needed). */
  at(i: number): Finding {
    return this.findingOfRow(this.rowAt(i));
  }

  findingOfRow(row: number): Finding {
    const rule = this.ruleOf(row);
    const at = this.locatedOf(row);
    const priority = this.priorityOf(row);
    const line = this.lineOf(row);
    const src = at.source;
    const data = this.dataOf(row);
    const x = this.extras.get(row);
    return {
      ruleId: rule.id,
      severity: this.severityOf(row),
      ...(priority ? { priority } : {}),
      area: rule.area,
      object: at.ref,
      ...(src && line > 0 ? { source: { file: src.file, line } } : {}),
      path: this.pathOf(row),
      messageId: this.messageIdOf(row),
      message: this.messageOf(row),
      ...(data ? { data } : {}),
      ...(x?.evidence ? { evidence: x.evidence } : {}),
      ...(x?.fix ? { fix: x.fix } : {}),
      ...(src?.itemPath ? { itemPath: src.itemPath } : {}),
      ...(src?.doc !== undefined ? { doc: src.doc } : {}),
    };
  }

  *[Symbol.iterator](): IterableIterator<Finding> {
    for (let i = 0; i < this.rows; i++) yield this.at(i);
  }

  /** Every finding in order, materialised (what `RunResult.findings` gives callers that want an array). */
  toArray(): Finding[] {
    const out = new Array<Finding>(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.at(i);
    return out;
  }

  /** The rules that have findings, in first-seen order. */
  rulesWithFindings(): readonly AnyRule[] {
    return this.rules;
  }

  /** Frees what only adding needs (the look-up maps of the interning tables); the rows stay readable. */
  seal(): void {
    this.located.seal();
    this.paths.seal();
    this.data.seal();
  }
}
