import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { renderMessage } from '../../engine/define-rule.js';
import { PROFILES } from '../../knowledge/profiles.js';
import { describeRuleDefaults } from '../../knowledge/thresholds/defaults-for-rule.js';
import { describeRuleThresholds } from '../../knowledge/thresholds/for-rule.js';
import { RULES } from '../../rules/index.js';
import type { CommandModule } from '../command.js';

const pad = (s: string, n: number) => s.padEnd(n);
const thresholdLines = (id: string): string[] => {
  const lines = describeRuleThresholds(id);
  return lines.length ? ['Thresholds per profile:', ...lines.map((l) => `  - ${l}`), ''] : [];
};
const defaultLines = (id: string): string[] => {
  const lines = describeRuleDefaults(id);
  return lines.length ? ['Defaults it falls back to when unset:', ...lines.map((l) => `  - ${l}`), ''] : [];
};

export const rulesCommand: CommandModule = {
  name: 'rules',
  register(program: Command, ctx) {
    program
      .command('rules')
      .description('List the rule catalogue')
      .option('--area <area>', 'only rules of this area')
      .option('--json', 'print as JSON')
      .action((flags: { area?: string; json?: boolean }) => {
        const rules = RULES.filter((r) => !flags.area || r.area === flags.area);
        if (flags.json) {
          const rows = rules.map((r) => ({
            id: r.id,
            area: r.area,
            target: r.target,
            severity: r.defaultSeverity,
            fixable: Boolean(r.fixable),
            kubernetes: r.kubernetes ?? null,
            summary: r.summary,
            docsUrl: r.docsUrl,
          }));
          ctx.io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        const w = Math.max(...rules.map((r) => r.id.length), 4);
        ctx.io.stdout.write(`${pad('RULE', w)}  ${pad('AREA', 14)}  ${pad('SEVERITY', 8)}  FIX  SUMMARY\n`);
        for (const r of rules)
          ctx.io.stdout.write(
            `${pad(r.id, w)}  ${pad(r.area, 14)}  ${pad(r.defaultSeverity, 8)}  ${r.fixable ? 'yes' : '   '}  ${r.summary}\n`,
          );
        ctx.io.stdout.write(`\n${rules.length} rules. \`kubetune explain <rule>\` for details.\n`);
      });
  },
};

export const explainCommand: CommandModule = {
  name: 'explain',
  register(program: Command, ctx) {
    program
      .command('explain')
      .description('Explain a rule: why it matters, messages, thresholds per profile, how to configure it')
      .argument('<rule>', 'rule id')
      .action((id: string) => {
        const rule = RULES.find((r) => r.id === id);
        if (!rule) {
          const near = RULES.filter((r) => r.id.includes(id) || id.includes(r.id.split('-')[0] ?? '')).map((r) => r.id);
          throw new UsageError(
            `unknown rule ${JSON.stringify(id)}${near.length ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''}`,
          );
        }
        const lines = [
          `${rule.id} (${rule.area}, ${rule.defaultSeverity}${rule.fixable ? ', fixable' : ''}${rule.kubernetes ? `, Kubernetes ${rule.kubernetes}` : ''})`,
          '',
          rule.summary,
          '',
          rule.rationale,
          '',
          'Messages:',
          ...Object.values(rule.messages).map((m) => `  - ${renderMessage(String(m))}`),
          '',
          ...thresholdLines(rule.id),
          ...defaultLines(rule.id),
          `Profiles: ${Object.keys(PROFILES).join(', ')} (choose with --profile)`,
          `Silence: rules: { ${rule.id}: off } in .kubetune.yaml, or annotation kubetune.io/ignore: "${rule.id}"`,
          `Docs: ${rule.docsUrl}`,
          '',
        ];
        ctx.io.stdout.write(lines.join('\n'));
      });
  },
};
