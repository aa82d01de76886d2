/** What to do when a what-if breaks the SLO: advice per driving feature, linked to audit rules and `plan` tiers. */
import type { LatencyModel } from './model.js';
import type { WhatIf } from './whatif.js';

export interface Advice {
  readonly verbClass: string;
  readonly text: string;
  /** kubetune rule ids whose docs explain the setting. */
  readonly rules: readonly string[];
}

const BY_FEATURE: Readonly<Record<string, { readonly text: string; readonly rules: readonly string[] }>> = {
  pods: {
    text: 'size the control plane for the new pod count: `kubetune plan --nodes {nodes} --pods {pods}` gives the tier (max-requests-inflight, watch cache, etcd quota)',
    rules: ['apiserver-inflight-vs-size', 'apiserver-watch-cache-disabled'],
  },
  nodes: {
    text: 'size the control plane for the new node count: `kubetune plan --nodes {nodes}` gives the tier',
    rules: ['apiserver-inflight-vs-size'],
  },
  objects: {
    text: 'more stored objects make LISTs heavier: paginate clients (limit/continue), serve LISTs from the watch cache (resourceVersion=0), prune old objects',
    rules: ['apiserver-watch-cache-disabled', 'etcd-quota-too-large'],
  },
  list_qps: {
    text: 'LIST load drives latency: move list-heavy clients to informers (watch), shard watch-heavy controllers, and give them their own APF flow schema; raise max-requests-inflight per `kubetune plan --nodes {nodes}`',
    rules: ['apiserver-apf-disabled', 'apiserver-inflight-vs-size'],
  },
  get_qps: {
    text: 'GET load drives latency: cache in clients (informers) and give noisy clients their own APF priority level',
    rules: ['apiserver-apf-disabled'],
  },
  mutating_qps: {
    text: 'write load drives latency through etcd: check etcd disk latency (`kubetune bench run --suite storage`, fdatasync p99 ≤ 10 ms) and batch or rate-limit writers',
    rules: ['etcd-wal-dir-shared', 'etcd-snapshot-count'],
  },
  watches: {
    text: 'open watches drive latency: shard watch-heavy clients, enable watch bookmarks and the watch cache',
    rules: ['apiserver-watch-cache-disabled'],
  },
  etcd_fsync_p99: {
    text: 'etcd disk latency drives API latency: put the WAL on its own low-latency disk (`kubetune bench run --suite storage` answers "is this disk fit for etcd")',
    rules: ['etcd-wal-dir-shared'],
  },
  etcd_commit_p99: {
    text: 'etcd backend commits drive API latency: faster disk, defragment, keep the DB below its quota',
    rules: ['etcd-quota-too-large', 'etcd-compaction-missing'],
  },
  etcd_db_bytes: {
    text: 'a larger etcd database slows reads and compaction: compact and defragment regularly',
    rules: ['etcd-compaction-missing', 'etcd-quota-too-large'],
  },
  inflight: {
    text: 'requests queue in the API server: raise max-requests-inflight per `kubetune plan --nodes {nodes}` and check APF',
    rules: ['apiserver-inflight-vs-size', 'apiserver-apf-disabled'],
  },
  apf_seats: {
    text: 'APF seats are saturated: review priority levels and flow schemas',
    rules: ['apiserver-apf-disabled'],
  },
  apiserver_cpu: {
    text: 'API server CPU drives latency: give it more CPU or more replicas',
    rules: ['apiserver-inflight-vs-size'],
  },
  apiserver_memory: {
    text: 'API server memory drives latency: check the watch cache sizes and object counts',
    rules: ['apiserver-watch-cache-disabled'],
  },
};

export function adviceFor(model: LatencyModel, result: WhatIf): Advice[] {
  const first = model.classes.find((c) => c.status === 'ok');
  const after = (feature: string): number | undefined => {
    const i = model.features.indexOf(feature);
    if (i < 0 || first?.status !== 'ok') return undefined;
    let v = first.current[i]!;
    for (const c of result.changes.filter((ch) => ch.feature === feature))
      v = c.op === 'times' ? v * c.value : c.op === 'plus' ? v + c.value : c.value;
    return Math.round(v);
  };
  const out: Advice[] = [];
  for (const c of result.classes) {
    if (c.status !== 'ok' || c.sloHolds || !c.driver) continue;
    const change = result.changes.find((ch) => ch.text === c.driver!.change);
    const a = change ? BY_FEATURE[change.feature] : undefined;
    if (!a) continue;
    const text = a.text
      .replaceAll('{nodes}', String(after('nodes') ?? '<nodes>'))
      .replaceAll('{pods}', String(after('pods') ?? '<pods>'));
    out.push({
      verbClass: c.verbClass,
      text: `${c.verbClass}: p99 ${fmtS(c.predicted!)} crosses the SLO (${c.sloScope}) with ${c.driver.change}: ${text}`,
      rules: a.rules,
    });
  }
  return out;
}

export const fmtS = (seconds: number): string =>
  seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
