/** Process exit codes, documented in the README and `kubetune --help`. */
export const EXIT = {
  /** Nothing at or above --fail-on. */
  ok: 0,
  /** Findings at or above --fail-on (severity or priority). */
  findings: 1,
  /** Bad flags, bad config file. */
  usage: 2,
  /** A cluster or Prometheus that did not answer. */
  unreachable: 3,
  /** Some input could not be read or parsed (the rest was still audited). */
  input: 4,
  /** `predict` refused: too little history, or latency the features do not explain. */
  refused: 5,
  /** A bug in kubetune (a rule or command crashed). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_TABLE: readonly { code: number; meaning: string }[] = [
  { code: EXIT.ok, meaning: 'no findings at or above --fail-on' },
  { code: EXIT.findings, meaning: 'findings at or above --fail-on' },
  { code: EXIT.usage, meaning: 'usage or configuration error' },
  { code: EXIT.unreachable, meaning: 'cluster or Prometheus unreachable' },
  {
    code: EXIT.input,
    meaning:
      'some input could not be read or parsed (the rest was audited), or the report is partial (memory ran short)',
  },
  {
    code: EXIT.refused,
    meaning: 'predict refused: too little history, or a model that does not beat a constant prediction',
  },
  { code: EXIT.internal, meaning: 'internal error (a rule crashed: please report it)' },
];
