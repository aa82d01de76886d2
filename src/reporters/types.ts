import type { Report } from './report.js';

export interface RenderOptions {
  readonly color?: boolean;
  readonly verbose?: boolean;
}

export type Reporter = (report: Report, options?: RenderOptions) => string;
