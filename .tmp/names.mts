import { auditFiles } from '/work/wt-workload-rules/src/cli/audit-pipeline.ts';
const { RULES } = await import('/work/wt-workload-rules/src/rules/index.ts');
const ids = process.argv[3]!.split(',');
const t0 = performance.now();
const res = await auditFiles([process.argv[2]!], { rules: RULES.filter((r) => ids.includes(r.id)), kubeVersion: '1.34' });
console.log('ms', Math.round(performance.now() - t0), res.report.findings.length);
const names = new Map<string, number>();
for (const f of res.report.findings) { const k = String(f.data?.['metric'] ?? f.message.slice(0, 150)); names.set(k, (names.get(k) ?? 0) + 1); }
console.log([...names].map(([k, v]) => `${v} ${k}`).join('\n'));
