import { defineRule } from '../../engine/define-rule.js';
import { flagStatus, isComponentName } from '../../knowledge/flags.js';
import { isFlagsConfig } from '../../model/components/types.js';

export default defineRule({
  id: 'component-flag-deprecated',
  area: 'control-plane',
  target: 'component',
  defaultSeverity: 'warning',
  summary: 'Component flags are not deprecated in the target release.',
  rationale:
    'A deprecated flag still works but is scheduled for removal: the next upgrade turns the warning into a component that does not start. Replace it while both forms are accepted.',
  messages: {
    deprecated: '{component}: --{flag} is deprecated since {deprecatedIn}{removal}; use {replacement}.',
  },
  *check(component, { kubeVersion }) {
    if (!isFlagsConfig(component) || !isComponentName(component.component)) return;
    for (const f of component.flags) {
      const s = flagStatus(component.component, f.name, kubeVersion);
      if (s.state !== 'deprecated' || !s.change) continue;
      const removal = s.change.removedIn ? ` and removed in ${s.change.removedIn}` : '';
      yield {
        messageId: 'deprecated',
        path: f.path,
        data: {
          component: component.component,
          flag: f.name,
          deprecatedIn: s.change.deprecatedIn ?? '?',
          removal,
          replacement: s.change.replacement ?? 'the documented alternative',
        },
      };
    }
  },
});
