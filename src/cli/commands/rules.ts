import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
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

interface RulesFlags {
  readonly area?: readonly string[];
  readonly output: 'text' | 'json';
  /** Old spelling of `-o json`. */
  readonly json?: boolean;
}

/** `kubetune rules`: the catalogue as a table or JSON. */
export const rulesCommand: CommandModule<RulesFlags> = {
  run(_args, flags, ctx) {
    const rules = RULES.filter((r) => !flags.area?.length || flags.area.includes(r.area));
    if (flags.output === 'json' || flags.json) {
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
    ctx.io.stdout.write(
      `\n${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}. \`kubetune explain <rule>\` for details.\n`,
    );
  },
};

/** `kubetune explain <rule>`: one rule's rationale, messages, profiles and how to silence it. */
export const explainCommand: CommandModule = {
  run([id = ''], _flags, ctx) {
    const rule = RULES.find((r) => r.id === id);
    if (!rule)
      throw new UsageError(
        `unknown rule ${JSON.stringify(id)}${didYouMean(
          id,
          RULES.map((r) => r.id),
        )} (see \`kubetune rules\`)`,
      );
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
  },
};
