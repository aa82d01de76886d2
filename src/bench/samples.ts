import { BenchOutputError } from './errors.js';
import { metricDef } from './metrics.js';
import type { MetricSample } from '../model/bench.js';

/** A measured value without its repeat index (the runner adds it). */
export type Measurement = Omit<MetricSample, 'repeat'>;

/** A measurement of a catalogued metric: unit and direction come from the catalogue, never from the caller. */
export function measure(metric: string, subject: string, value: number): Measurement {
  const def = metricDef(metric);
  if (!def) throw new BenchOutputError(metric, 'not a catalogued bench metric');
  return { metric, subject, value, unit: def.unit, direction: def.direction };
}
