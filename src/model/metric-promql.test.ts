import { describe, expect, it } from 'vitest';
import { first, gauge, increase, quantile, rate, ratio, sel } from './metric-expr.js';
import { formatPromDuration, toPromQL, topkPromQL } from './metric-promql.js';

describe('toPromQL', () => {
  it('renders counters, gauges and histogram quantiles over the window', () => {
    expect(toPromQL(rate('apiserver_request_total{code=~"5.."}', ['verb']), 3600)).toBe(
      'sum by (verb) (rate(apiserver_request_total{code=~"5.."}[1h]))',
    );
    expect(toPromQL(increase('etcd_server_leader_changes_seen_total', ['instance']), 900)).toBe(
      'sum by (instance) (increase(etcd_server_leader_changes_seen_total[15m]))',
    );
    expect(toPromQL(gauge('workqueue_depth', { by: ['name'], agg: 'max', over: 'avg' }), 90)).toBe(
      'max by (name) (avg_over_time(workqueue_depth[90s]))',
    );
    expect(toPromQL(quantile(0.99, 'etcd_disk_wal_fsync_duration_seconds', ['instance']), 3600)).toBe(
      'histogram_quantile(0.99, sum by (le, instance) (rate(etcd_disk_wal_fsync_duration_seconds_bucket[1h])))',
    );
  });

  it('ratios treat a missing numerator as 0 and a zero denominator as no data', () => {
    expect(toPromQL(ratio(rate('a_total{code="429"}'), rate('a_total')), 300)).toBe(
      '((sum (rate(a_total{code="429"}[5m]))) or (0 * (sum (rate(a_total[5m]))))) / ((sum (rate(a_total[5m]))) > 0)',
    );
  });

  it('aggregates several metric names separately so functions never collide on dropped names', () => {
    expect(toPromQL(rate('r_total|w_total{device="sda"}', ['instance']), 60)).toBe(
      'sum by (instance) (label_replace(sum by (instance) (rate(r_total{device="sda"}[1m])), "kt_src", "0", "", "") or ' +
        'label_replace(sum by (instance) (rate(w_total{device="sda"}[1m])), "kt_src", "1", "", ""))',
    );
  });

  it('first() falls back with or; topk bounds the result', () => {
    const q = toPromQL(first(quantile(0.99, 'new_seconds'), quantile(0.99, 'old_seconds')), 60);
    expect(q).toBe(
      '(histogram_quantile(0.99, sum by (le) (rate(new_seconds_bucket[1m])))) or (histogram_quantile(0.99, sum by (le) (rate(old_seconds_bucket[1m]))))',
    );
    expect(topkPromQL('x', 5)).toBe('topk(5, x)');
  });

  it('formats durations with the largest exact unit', () => {
    expect([59, 60, 90, 3600, 5400, 86400, 0.2].map(formatPromDuration)).toEqual([
      '59s',
      '1m',
      '90s',
      '1h',
      '90m',
      '1d',
      '1s',
    ]);
  });
});

describe('selectors and definition-time checks', () => {
  it('parses names, alternatives and matchers with escapes', () => {
    expect(sel('a_total|b_total{x!~"lo|veth.*",y="q\\"uote"}')).toEqual({
      metric: ['a_total', 'b_total'],
      matchers: [
        { label: 'x', op: '!~', value: 'lo|veth.*' },
        { label: 'y', op: '=', value: 'q"uote' },
      ],
    });
  });

  it('rejects malformed selectors, regexes and quantiles when the catalogue is loaded', () => {
    expect(() => sel('9bad')).toThrow(/invalid selector/);
    expect(() => sel('a{b="c"')).toThrow(/invalid selector/);
    expect(() => sel('a{b=c}')).toThrow(/invalid matchers/);
    expect(() => sel('a{b=~"("}')).toThrow();
    expect(() => quantile(1.5, 'h')).toThrow(/quantile must be in/);
    expect(() => rate('a', ['bad-label'])).toThrow(/invalid label name/);
  });
});
