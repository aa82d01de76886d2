import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { refOf, type KubeObject } from '../model/object.js';
import { Snapshot } from '../model/snapshot.js';
import { parseConfig } from './config.js';
import { defineRule } from './define-rule.js';
import { applyPatch } from './patch.js';
import { runRules } from './run.js';

const v133 = parseKubeVersion('1.33')!;
const cm = (name: string, ns = 'a', annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, ...(annotations ? { annotations } : {}) },
});
const snap = (...objs: KubeObject[]) =>
  new Snapshot(objs.map((o) => ({ object: o, ref: refOf(o), source: { file: 'f.yaml', line: 1 } })));
const flagAll = defineRule({
  id: 'flag-all',
  area: 'workloads',
  target: 'object',
  defaultSeverity: 'warning',
  summary: 'flags every object',
  rationale: 'test',
  messages: { hit: '{name} hit' },
  *check(r) {
    yield { messageId: 'hit', path: ['metadata', 'name'], data: { name: r.ref.name } };
  },
});

describe('runRules', () => {
  it('turns a throwing rule into a rule-error diagnostic, never a pass', () => {
    const boom = defineRule({
      ...flagAll,
      id: 'boom',
      check: () => {
        throw new Error('kaput');
      },
    });
    const r = runRules([boom, flagAll], snap(cm('x')), { kubeVersion: v133 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'rule-error', ruleId: 'boom', severity: 'error' })]);
    expect(r.rules.find((s) => s.ruleId === 'boom')!.status).toBe('error');
    expect(r.findings.map((f) => f.message)).toEqual(['x hit']);
  });

  it('treats a fix from a rule not declared fixable, or an unknown message id, as a rule error', () => {
    const sneaky = defineRule({
      ...flagAll,
      id: 'sneaky',
      *check() {
        yield { messageId: 'hit', path: [], data: { name: 'n' }, fix: [{ op: 'remove', path: ['data'] }] };
      },
    });
    const typo = defineRule({
      ...flagAll,
      id: 'typo',
      *check() {
        yield { messageId: 'hti' as 'hit', path: [] };
      },
    });
    const r = runRules([sneaky, typo], snap(cm('x')), { kubeVersion: v133 });
    expect(
      r.diagnostics.map((d) => [d.ruleId, d.message.includes('fixable') || d.message.includes('messageId')]),
    ).toEqual([
      ['sneaky', true],
      ['typo', true],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('applies config: off, severity override, exemptions with globs, and the ignore annotation', () => {
    const s = snap(cm('x'), cm('y', 'kube-system'), cm('z', 'a', { 'kubetune.io/ignore': 'other, flag-all' }));
    expect(
      runRules([flagAll], s, { kubeVersion: v133, config: parseConfig({ rules: { 'flag-all': 'off' } }) }).findings,
    ).toEqual([]);
    const r = runRules([flagAll], s, {
      kubeVersion: v133,
      config: parseConfig({
        rules: { 'flag-all': 'error' },
        exemptions: [{ namespace: 'kube-*', rules: ['flag-all'] }],
      }),
    });
    expect(r.findings.map((f) => `${f.object.name}:${f.severity}`)).toEqual(['x:error']);
  });

  it('skips rules outside their Kubernetes range and reports rules whose inputs are missing', () => {
    const old = defineRule({ ...flagAll, id: 'old', kubernetes: '<1.25' });
    const metrics = defineRule({ ...flagAll, id: 'metrics', needs: ['metrics'] });
    const r = runRules([old, metrics], snap(cm('x')), { kubeVersion: v133 });
    expect(r.findings).toEqual([]);
    expect(r.rules.map((s) => s.status)).toEqual(['not-applicable', 'skipped']);
    expect(r.diagnostics[0]).toMatchObject({ code: 'rule-skipped', message: 'metrics skipped: no metrics' });
  });

  test.prop([fc.shuffledSubarray(['a', 'b', 'c', 'd', 'e', 'f'], { minLength: 1 })])(
    'orders findings independently of input order',
    (names) => {
      const forward = runRules([flagAll], snap(...names.map((n) => cm(n))), { kubeVersion: v133 }).findings;
      const backward = runRules([flagAll], snap(...[...names].reverse().map((n) => cm(n))), {
        kubeVersion: v133,
      }).findings;
      expect(backward).toEqual(forward);
    },
  );
});

describe('config', () => {
  it('rejects unknown keys, bad severities and profiles with the file name', () => {
    expect(() => parseConfig({ rulez: {} }, 'k.yaml')).toThrow(/k\.yaml: unknown key "rulez"/);
    expect(() => parseConfig({ rules: { a: 'loud' } })).toThrow(/rules\.a must be/);
    expect(() => parseConfig({ profile: 'fast' })).toThrow(/unknown profile/);
    expect(parseConfig(null)).toEqual({ rules: {}, exemptions: [] });
  });
});

describe('applyPatch', () => {
  it('adds, replaces and removes without touching the input', () => {
    const input = { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '2' } } }] } };
    const out = applyPatch(input, [
      { op: 'replace', path: ['spec', 'containers', 0, 'resources', 'limits', 'cpu'], value: '500m' },
      { op: 'add', path: ['spec', 'containers', 0, 'startupProbe'], value: { tcpSocket: { port: 80 } } },
      { op: 'remove', path: ['spec', 'containers', 0, 'name'] },
      { op: 'add', path: ['metadata', 'labels', 'x'], value: 'y' },
    ]);
    expect(out).toEqual({
      metadata: { labels: { x: 'y' } },
      spec: { containers: [{ resources: { limits: { cpu: '500m' } }, startupProbe: { tcpSocket: { port: 80 } } }] },
    });
    expect(input.spec.containers[0]!.resources.limits.cpu).toBe('2');
  });
});
