import type { Report } from './report.js';

export interface RenderOptions {
  readonly color?: boolean;
  readonly verbose?: boolean;
  /**
   * Terminal width in columns: the text reporter truncates longer lines to it (the message first, with "…"), unless
   * `verbose`. Absent (output not a terminal): lines are written whole.
   */
  readonly width?: number;
}

export type Reporter = (report: Report, options?: RenderOptions) => string;
