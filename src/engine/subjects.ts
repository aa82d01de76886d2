import type { Snapshot } from '../model/snapshot.js';
import type { Located, Subjects, Target } from './types.js';

export interface SubjectEntry<T extends Target> {
  readonly subject: Subjects[T];
  readonly at: Located;
}

const cluster: Located = { ref: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' } };

/** How the engine enumerates each target's subjects in a snapshot. */
export const SUBJECT_PROVIDERS: { readonly [T in Target]: (s: Snapshot) => Iterable<SubjectEntry<T>> } = {
  object: (s) => s.resources.map((r) => ({ subject: r, at: r })),
  workload: (s) => s.workloads.map((w) => ({ subject: w, at: w.resource })),
  cluster: (s) => [{ subject: s, at: cluster }],
  component: (s) => s.components.map((c) => ({ subject: c, at: c })),
};
