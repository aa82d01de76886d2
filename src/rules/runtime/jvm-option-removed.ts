import { defineRule } from '../../engine/define-rule.js';
import { findJvmOptionChange, jvmOptionState, removedIn } from '../../knowledge/jvm-options.js';
import { removeTokens } from '../../model/runtime-recommend.js';
import type { JvmOption } from '../../model/runtime-settings.js';
import { containerRuntimes } from './runtime-containers.js';

/** The JDK assumed when the image does not name one (rule option `jdkVersion`); undefined = report without fixing. */
const jdkOption = (options: Readonly<Record<string, unknown>>): number | undefined =>
  typeof options['jdkVersion'] === 'number' ? options['jdkVersion'] : undefined;

export default defineRule({
  id: 'jvm-option-removed',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'error',
  fixable: true,
  summary: 'JVM options removed from the JDK the container runs are not used.',
  rationale:
    'HotSpot retires options in steps: obsolete options are accepted with a warning and silently ignored (-XX:+UseConcMarkSweepGC on JDK 14 runs G1 instead), expired ones make the JVM refuse to start with "Unrecognized VM option" (-XX:MaxPermSize on JDK 17, -XX:+PrintGCDateStamps on JDK 9+). Tuning snippets from the JDK 8 era are full of them. The JDK is read from the image tag (eclipse-temurin:17-jre) or the rule option jdkVersion; when it is known the fix removes the dead options. Data: knowledge/jvm-options.ts (arguments.cpp special_jvm_flags at each GA tag, JEPs).',
  messages: {
    expired:
      '{container}: {option} was removed in JDK {expiredIn}: JDK {jdk} refuses to start ("Unrecognized VM option"). Use {replacement}.',
    obsolete: '{container}: {option} is ignored since JDK {obsoleteIn} (running JDK {jdk}). Use {replacement}.',
    unknownJdk:
      '{container}: {option} stopped working in JDK {removedIn} and the image does not say its JDK. Use {replacement}.',
  },
  *check(workload, { options }) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const jvm = r.jvm;
      if (!jvm) continue;
      const jdk = jvm.jdkVersion ?? jdkOption(options);
      const dead: JvmOption[] = [];
      const found: {
        o: JvmOption;
        messageId: 'expired' | 'obsolete' | 'unknownJdk';
        data: Record<string, string | number>;
      }[] = [];
      for (const o of jvm.options) {
        const change = findJvmOptionChange(o.name);
        const gone = change && removedIn(change);
        if (!change || gone === undefined) continue;
        const base = { container: c.name, option: o.raw, replacement: change.replacement };
        if (jdk === undefined) {
          found.push({ o, messageId: 'unknownJdk', data: { ...base, removedIn: gone } });
          continue;
        }
        const state = jvmOptionState(change, jdk);
        if (state !== 'expired' && state !== 'obsolete') continue;
        dead.push(o);
        if (state === 'expired')
          found.push({ o, messageId: 'expired', data: { ...base, jdk, expiredIn: change.expiredIn! } });
        else found.push({ o, messageId: 'obsolete', data: { ...base, jdk, obsoleteIn: change.obsoleteIn! } });
      }
      // One fix per container removes every dead option at once (removals in one field must not be applied twice).
      const fix = dead.length > 0 ? removeTokens(dead.map((o) => o.site)) : undefined;
      for (const [i, f] of found.entries()) {
        yield { messageId: f.messageId, path: f.o.site.path, data: f.data, ...(i === 0 && fix ? { fix } : {}) };
      }
    }
  },
});
