import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/types.js';
import { REPORTERS } from './index.js';
import { buildReport } from './report.js';
import { toSarif } from './sarif.js';

const hostile = 'evil\u001b[31m<script>alert(1)</script>|&"\'';
const findings: Finding[] = [
  {
    ruleId: 'cpu-limit-ratio',
    severity: 'warning',
    area: 'workloads',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: hostile },
    source: { file: 'dir with space/app.yaml', line: 12 },
    path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'],
    messageId: 'tooHigh',
    message: `${hostile}: cpu limit is 8x the request (max 2x).`,
    data: { container: hostile, ratio: 8, max: 2 },
    fix: [
      {
        op: 'replace',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'],
        value: '500m',
      },
    ],
  },
  {
    ruleId: 'schema-invalid',
    severity: 'error',
    priority: 'P0',
    area: 'schema',
    object: { apiVersion: 'v1', kind: 'Pod', namespace: 'a', name: 'p' },
    path: [],
    messageId: 'invalid',
    message: '(root): missing required field "spec".',
  },
];
const rule = (id: string, area: string) => ({
  id,
  area,
  target: 'object',
  defaultSeverity: 'warning',
  summary: `${id} summary`,
  rationale: 'r',
  messages: {},
  check: () => [],
  docsUrl: `https://example.com/${id}.md`,
});
const report = buildReport({
  command: 'audit',
  version: '0.1.0',
  kubeVersion: '1.33',
  profile: 'guide',
  findings,
  diagnostics: [{ code: 'parse-error', severity: 'error', file: 'bad.yaml', line: 3, message: 'bad.yaml:3: oops <x>' }],
  rules: [rule('cpu-limit-ratio', 'workloads'), rule('schema-invalid', 'schema')] as never,
  objects: 2,
  files: 2,
});

/** The parts of the SARIF 2.1.0 schema (OASIS) that code-scanning consumers rely on. */
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: { rules: { type: 'array', items: { type: 'object', required: ['id'] } } },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'] },
                ruleIndex: { type: 'integer', minimum: -1 },
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        properties: {
                          artifactLocation: {
                            type: 'object',
                            properties: { uri: { type: 'string', format: 'uri-reference' } },
                          },
                          region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('reporters', () => {
  it('SARIF matches the 2.1.0 structure, with rule indexes that point at the right rule', () => {
    const log = toSarif(report);
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
    const valid = ajv.validate(SARIF_SUBSET, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0]!;
    for (const r of run.results ?? []) expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('dir%20with%20space/app.yaml');
    expect(run.invocations![0]!.executionSuccessful).toBe(false);
  });

  it("SARIF validates against the complete OASIS SARIF 2.1.0 schema (as published with Microsoft's SARIF tools)", () => {
    // sarif-2.1.0-rtm.5.json is the final 2.1.0 schema (draft-04), shipped in @microsoft/jest-sarif.
    const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(schema['title']).toMatch(/SARIF\) Version 2\.1\.0/);
    // unicodeRegExp: false — the schema's language pattern has a stray `]` that only non-unicode regexps accept.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const log = toSarif(report);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema is not vacuous: a result without a message is rejected.
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!['message'];
    expect(validate(broken)).toBe(false);
  });

  it('JUnit is well-formed XML with one failing case per error', () => {
    const xml = REPORTERS.junit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.testsuites['@_failures']).toBe('1');
    expect(xml).not.toContain('\u001b');
  });

  it('JSON and YAML carry the versioned document with pointers', () => {
    const json = JSON.parse(REPORTERS.json(report));
    expect(json.schemaVersion).toBe(1);
    expect(json.findings[0].path).toBe('/spec/template/spec/containers/0/resources/limits/cpu');
    expect(yaml.load(REPORTERS.yaml(report))).toEqual(json);
  });

  it('text never passes terminal escapes through and colours only when asked', () => {
    const plain = REPORTERS.text(report);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('evil?[31m');
    expect(REPORTERS.text(report, { color: true })).toContain('\u001b[31m');
  });

  it('markdown escapes table cells and HTML', () => {
    const md = REPORTERS.markdown(report);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\|');
    expect(md).toMatch(/\| warning \| {2}\| \[cpu-limit-ratio\]\(https:\/\/example\.com\/cpu-limit-ratio\.md\)/);
  });

  it('summarises counts by severity and priority', () => {
    expect(report.summary).toMatchObject({
      findings: 2,
      bySeverity: { error: 1, warning: 1, info: 0 },
      byPriority: { P0: 1 },
      errors: 1,
    });
  });
});
