import { formatKubeVersion } from '../../core/version.js';
import { CAPACITY_SOURCE } from '../../knowledge/capacity.js';
import { apiServerArgs, controllerManagerArgs, etcdArgs } from './control-plane.js';
import type { Plan } from './types.js';

const range = (r: { min: number; max: number }, unit = '') =>
  r.min === r.max ? `${r.min}${unit}` : `${r.min}-${r.max}${unit}`;
const table = (rows: readonly (readonly string[])[]) =>
  rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n');
const args = (a: Record<string, string>) =>
  Object.entries(a)
    .map(([k, v]) => `\`--${k}=${v}\``)
    .join(', ');

/** The human-readable capacity plan written beside the configs. */
export function capacityMarkdown(plan: Omit<Plan, 'files'> & { files: Plan['files'] }): string {
  const { tier, input } = plan;
  const lines = [
    `# Capacity plan: ${input.nodes} nodes${input.pods !== undefined ? `, ${input.pods} pods` : ''}, Kubernetes ${formatKubeVersion(input.kubeVersion)}`,
    '',
    `Tier **${tier.name}** of the capacity matrix (${CAPACITY_SOURCE}): ${tier.guide}.`,
    '',
    '## Control plane',
    '',
    table([
      ['what', 'plan'],
      [
        'control-plane nodes',
        `${range(tier.apiServerReplicas)} (each runs kube-apiserver, kube-controller-manager, kube-scheduler)`,
      ],
      ['CPU per control-plane node', range(tier.controlPlaneCores, ' cores')],
      ['memory per control-plane node', range(tier.controlPlaneMemoryGiB, ' GiB')],
      ['kube-apiserver', args(apiServerArgs(tier))],
      ['kube-controller-manager', args(controllerManagerArgs(tier))],
      [
        'kube-scheduler',
        `percentageOfNodesToScore ${tier.percentageOfNodesToScore || 'adaptive (unset)'}, client QPS/burst ${tier.clientQps}/${tier.clientBurst}`,
      ],
    ]),
    '',
    '## etcd',
    '',
    table([
      ['what', 'plan'],
      [
        'members',
        `${tier.etcdMembers}${tier.etcdMembers > 1 ? ' (odd, one per failure domain)' : ' (no fault tolerance: back it up)'}`,
      ],
      ['disk', `${tier.etcdDisk}; WAL fsync p99 < 10 ms`],
      ['flags', args(etcdArgs(tier))],
      [
        'events',
        tier.separateEventsEtcd
          ? 'a separate etcd cluster for Events (--etcd-servers-overrides)'
          : 'in the main cluster',
      ],
    ]),
    '',
    ...(tier.correction ? [`> kubetune differs from the guide here: ${tier.correction}`, ''] : []),
    '## Nodes',
    '',
    table([
      ['what', 'plan'],
      ['kubelet maxPods', `${plan.maxPods}`],
      ['kube-proxy mode', plan.proxyMode],
      ['reserved', 'kubeReserved and systemReserved 100m CPU / 512Mi memory each; size up on large nodes'],
      ['runtime', 'containerd with SystemdCgroup = true, overlayfs, registry config_path, parallel pulls'],
      ['kernel', "sysctl.d file with the guide's network, VM and inotify values"],
    ]),
    '',
    '## Files',
    '',
    ...plan.files.map((f) => `- \`${f.path}\``),
    '',
    ...(plan.warnings.length ? ['## Warnings', '', ...plan.warnings.map((w) => `- ${w}`), ''] : []),
    'Check the result with `kubetune audit <dir> --kube-version ' + formatKubeVersion(input.kubeVersion) + '`.',
    '',
  ];
  return lines.join('\n');
}
