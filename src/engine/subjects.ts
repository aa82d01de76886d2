import type { Snapshot } from '../model/snapshot.js';
import type { AnyRule, Located, Subjects, Target } from './types.js';

const cluster: Located = { ref: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' } };

/** Where the findings about a subject of each target point. */
export const SUBJECT_LOCATION: { readonly [T in Target]: (subject: Subjects[T]) => Located } = {
  object: (r) => r,
  workload: (w) => w.resource,
  cluster: () => cluster,
  component: (c) => c,
};

/**
 * The subjects a rule checks, in snapshot order. Object rules that name their kinds read the snapshot's kind index
 * instead of visiting every object (a cluster dump holds 150,000 pods that most object rules never look at), and no
 * wrapper is allocated per subject: the engine runs every rule over every subject.
 */
export function subjectsOf(rule: AnyRule, snapshot: Snapshot): readonly unknown[] {
  switch (rule.target as Target) {
    case 'object': {
      const kinds = rule.kinds;
      if (!kinds) return snapshot.resources;
      if (kinds.length === 1) return snapshot.byKind(kinds[0]!);
      return snapshot.resources.filter((r) => kinds.includes(r.object.kind));
    }
    case 'workload':
      return snapshot.workloads;
    case 'cluster':
      return [snapshot];
    case 'component':
      return snapshot.components;
  }
}
