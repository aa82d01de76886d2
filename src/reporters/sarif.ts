import type * as Sarif from 'sarif';
import { formatPath } from '../core/json-path.js';
import type { Severity } from '../engine/types.js';
import { formatRef } from '../model/object.js';
import type { Finding } from '../engine/types.js';
import type { Report } from './report.js';
import { collected, findingAt, findingCount, PLACEHOLDER, splitJson, writeJsonArray, type Sink } from './stream.js';

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 log (typed by @types/sarif, which follows the OASIS schema). */
export function toSarif(report: Report): Sarif.Log {
  const result = resultOf(report);
  return sarifLog(
    report,
    Array.from({ length: findingCount(report) }, (_, i) => result(findingAt(report, i))),
  );
}

/** Writes the SARIF log result by result: the same bytes as `JSON.stringify(toSarif(report), null, 2)`. */
export function streamSarif(report: Report, out: Sink): void {
  const log = sarifLog(report, PLACEHOLDER as unknown as Sarif.Result[]);
  const { before, after, indent } = splitJson(log, PLACEHOLDER);
  const result = resultOf(report);
  out(before);
  writeJsonArray(out, indent, findingCount(report), (i) => result(findingAt(report, i)));
  out(`${after}\n`);
}

function sarifLog(report: Report, results: Sarif.Result[]): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = report.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    helpUri: r.docsUrl,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { area: r.area },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubetune',
            version: report.tool.version,
            informationUri: 'https://github.com/kubetune/kubetune',
            rules,
          },
        },
        results,
        invocations: [invocation(report)],
      },
    ],
  };
}

function resultOf(report: Report): (f: Finding) => Sarif.Result {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  return (f) => {
    const logical: Sarif.LogicalLocation = {
      fullyQualifiedName: formatRef(f.object) + (f.path.length ? `#${formatPath(f.path)}` : ''),
      kind: 'object',
    };
    const location: Sarif.Location = f.source
      ? {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.source.file) },
            region: { startLine: Math.max(1, f.source.line) },
          },
          logicalLocations: [logical],
        }
      : { logicalLocations: [logical] };
    const ruleIndex = index.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location],
      partialFingerprints: { 'kubetune/v1': `${f.ruleId}|${formatRef(f.object)}|${formatPath(f.path)}|${f.messageId}` },
      ...(f.priority || f.evidence
        ? {
            properties: {
              ...(f.priority ? { priority: f.priority } : {}),
              ...(f.evidence ? { evidence: f.evidence } : {}),
            },
          }
        : {}),
    };
  };
}

function invocation(report: Report): Sarif.Invocation {
  return {
    executionSuccessful: report.summary.errors === 0,
    toolExecutionNotifications: report.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => ({
        level: LEVEL[d.severity],
        message: { text: d.message },
        ...(d.file
          ? {
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: toUri(d.file) },
                    ...(d.line ? { region: { startLine: d.line } } : {}),
                  },
                },
              ],
            }
          : {}),
      })),
  };
}

/** Relative paths stay relative (GitHub code scanning resolves them against the checkout). */
const toUri = (file: string): string => file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');

export const renderSarif = collected(streamSarif);
