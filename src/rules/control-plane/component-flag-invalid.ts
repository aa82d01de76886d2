import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import {
  flagStatus,
  isComponentName,
  releaseLabel,
  type ComponentName,
  type FlagStatus,
} from '../../knowledge/flags.js';
import { isFlagsConfig } from '../../model/components/types.js';

export default defineRule({
  id: 'component-flag-invalid',
  area: 'control-plane',
  target: 'component',
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Component flags exist in the target Kubernetes release.',
  rationale:
    'kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy and etcd exit at start-up on an unknown flag ("Error: unknown flag"). Flags copied from old guides (--pod-eviction-timeout, --scheduler-name, --container-runtime, klog flags such as --logtostderr) stop the component after an upgrade, and a misspelt flag stops it at once. kubetune checks every flag of static pods, kubeadm extraArgs, systemd units and flag files against the tables generated from each release\'s upstream flag reference (kubernetes/website component reference pages, etcd\'s flag definitions; scripts/gen-flags.ts) plus hand-kept changelog facts, for the release given with --kube-version, and names the nearest real flag for a misspelling. A flag the reference stopped listing is reported separately: Kubernetes hides deprecated flags from the reference as well as removing them.',
  messages: {
    removed:
      '{component}: --{flag} was removed in Kubernetes {removedIn}; the component will not start on {version}. Use {replacement}.',
    notYet: '{component}: --{flag} only exists from {since}; {version} will not start with it.',
    unlisted:
      '{component}: --{flag} is not in the {component} flag reference since {removedIn} (last listed in {lastListed}): removed, or deprecated and hidden. Check it before running {version}.',
    unknown: '{component}: --{flag} is not a flag of {component} in Kubernetes {version}.{hint}',
  },
  *check(component, { kubeVersion }) {
    if (!isFlagsConfig(component) || !isComponentName(component.component)) return;
    const version = formatKubeVersion(kubeVersion);
    for (const f of component.flags) {
      const v = violationOf(component.component, flagStatus(component.component, f.name, kubeVersion), {
        component: component.component,
        flag: f.name,
        version,
      });
      if (v) yield { ...v, path: f.path };
    }
  },
});

type Data = { component: ComponentName; flag: string; version: string };
type Verdict =
  | { messageId: 'removed'; data: Data & { removedIn: string; replacement: string } }
  | { messageId: 'notYet'; data: Data & { since: string } }
  | { messageId: 'unlisted'; data: Data & { removedIn: string; lastListed: string } }
  | { messageId: 'unknown'; data: Data & { hint: string } };

const or = (s: string | undefined): string => s ?? '?';

/** The finding a flag status calls for (wrong-component flags belong to component-flag-wrong-component). */
function violationOf(component: ComponentName, s: FlagStatus, data: Data): Verdict | undefined {
  switch (s.state) {
    case 'removed':
      return {
        messageId: 'removed',
        data: { ...data, removedIn: or(s.change?.removedIn), replacement: s.change?.replacement ?? 'nothing' },
      };
    case 'not-yet':
      return { messageId: 'notYet', data: { ...data, since: releaseLabel(component, or(s.change?.since)) } };
    case 'unlisted':
      return {
        messageId: 'unlisted',
        data: { ...data, removedIn: or(s.change?.removedIn), lastListed: or(s.lastListed) },
      };
    case 'unknown':
      if (s.acceptedBy.length > 0) return undefined;
      return {
        messageId: 'unknown',
        data: { ...data, hint: s.suggestion === undefined ? '' : ` Did you mean --${s.suggestion}?` },
      };
    default:
      return undefined;
  }
}
