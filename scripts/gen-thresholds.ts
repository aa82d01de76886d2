/** The "Thresholds" section of a rule's generated doc, from the threshold catalogue (src/knowledge/thresholds/). */
import { describeRuleDefaults } from '../src/knowledge/thresholds/defaults-for-rule.js';
import { formatValue, thresholdsForRule } from '../src/knowledge/thresholds/for-rule.js';
import { PROFILE_NAMES } from '../src/knowledge/thresholds/profile-names.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function thresholdDocLines(ruleId: string): string[] {
  const rows = thresholdsForRule(ruleId);
  const defaults = describeRuleDefaults(ruleId);
  const defaultLines = defaults.length
    ? ['Component defaults it falls back to when unset:', '', ...defaults.map((d) => `- ${d}`), '']
    : [];
  if (rows.length === 0) return defaultLines.length ? ['## Thresholds', '', ...defaultLines] : [];
  return [
    '## Thresholds',
    '',
    'Per profile (`--profile`), from the threshold catalogue (`src/knowledge/thresholds/`).',
    '',
    `| threshold | ${PROFILE_NAMES.join(' | ')} | meaning | source |`,
    `|---|${PROFILE_NAMES.map(() => '---|').join('')}---|---|`,
    ...rows.map(
      ({ key, entry }) =>
        `| \`${key}\` | ${PROFILE_NAMES.map((p) => formatValue(entry.values[p], entry.unit)).join(' | ')} | ${cell(entry.summary)} | ${cell(entry.source)} |`,
    ),
    '',
    ...defaultLines,
  ];
}
