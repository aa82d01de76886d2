import { defineRule } from '../../engine/define-rule.js';
import { flagStatus, isComponentName } from '../../knowledge/flags.js';
import { isFlagsConfig } from '../../model/components/types.js';

export default defineRule({
  id: 'component-flag-wrong-component',
  area: 'control-plane',
  target: 'component',
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'A flag is given to the component that owns it.',
  rationale:
    'Snippets often put a kubelet flag on the API server (--fail-swap-on, --max-pods) or an API-server flag on the controller manager. The receiving component does not know the flag and exits at start-up; the setting never reaches the component it was meant for.',
  messages: {
    wrongComponent: '{component} does not accept --{flag}; it is a flag of {owners}.',
  },
  *check(component, { kubeVersion }) {
    if (!isFlagsConfig(component) || !isComponentName(component.component)) return;
    for (const f of component.flags) {
      const s = flagStatus(component.component, f.name, kubeVersion);
      if (s.state === 'unknown' && s.acceptedBy.length > 0)
        yield {
          messageId: 'wrongComponent',
          path: f.path,
          data: { component: component.component, flag: f.name, owners: s.acceptedBy.join(', ') },
        };
    }
  },
});
