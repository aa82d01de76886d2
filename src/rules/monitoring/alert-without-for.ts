import { defineRule } from '../../engine/define-rule.js';
import { parseDurationMs } from '../../core/units.js';
import { selectorsOf } from '../../model/promql.js';
import { monitoringSources, parseQuery } from './queries.js';

export default defineRule({
  id: 'alert-without-for',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'warning',
  summary: 'Alerting rules wait (for:) before firing.',
  rationale:
    "An alert without for: fires on the first evaluation where its expression returns anything: one slow scrape, a restart or a single spike pages someone, and the alert flaps between firing and resolved. The guide's alert table uses check intervals of 15-60 s; a for: of a few evaluation intervals (2-5 minutes for most alerts, longer for capacity trends) filters noise. Constant heartbeat alerts (vector(1), Watchdog) and alerts on ALERTS (inhibitors) are meant to fire at once and are skipped.",
  messages: {
    noFor: '{where} has no for: it fires on a single evaluation and will flap.',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const q of src.queries) {
        if (q.kind !== 'alert' || !q.rule) continue;
        const forValue = q.rule['for'];
        if (typeof forValue === 'string' && (parseDurationMs(forValue) ?? 0) > 0) continue;
        const parsed = parseQuery(q.expr);
        if (!parsed.ok) continue;
        const selectors = selectorsOf(parsed.expr);
        if (selectors.length === 0 || selectors.some((s) => s.selector.name === 'ALERTS')) continue;
        const path = q.path[0] === 'data' ? q.path : [...q.path.slice(0, -1), 'for'];
        yield { at: src.at, messageId: 'noFor', path, data: { where: q.where } };
      }
    }
  },
});
