import { defineRule } from '../../engine/define-rule.js';
import { findJvmOptionChange, jvmOptionState, removedIn } from '../../knowledge/jvm-options.js';
import { removeTokens } from '../../model/runtime-recommend.js';
import type { JvmOption } from '../../model/runtime-settings.js';
import { containerRuntimes } from './runtime-containers.js';

/** The JDK assumed when the image does not name one (rule option `jdkVersion`); undefined = report without fixing. */
const jdkOption = (options: Readonly<Record<string, unknown>>): number | undefined =>
  typeof options['jdkVersion'] === 'number' ? options['jdkVersion'] : undefined;

interface Dead {
  readonly o: JvmOption;
  readonly messageId: 'expired' | 'obsolete' | 'unknownJdk';
  readonly data: Record<string, string | number>;
}

/** Whether an option no longer works on `jdk` (or, with an unknown JDK, on some JDK), and how to say it. */
function classify(o: JvmOption, container: string, jdk: number | undefined): Dead | undefined {
  const change = findJvmOptionChange(o.name);
  const gone = change && removedIn(change);
  if (!change || gone === undefined) return undefined;
  const base = { container, option: o.raw, replacement: change.replacement };
  if (jdk === undefined) return { o, messageId: 'unknownJdk', data: { ...base, removedIn: gone } };
  const state = jvmOptionState(change, jdk);
  if (state === 'expired') return { o, messageId: 'expired', data: { ...base, jdk, expiredIn: change.expiredIn! } };
  if (state === 'obsolete') return { o, messageId: 'obsolete', data: { ...base, jdk, obsoleteIn: change.obsoleteIn! } };
  return undefined;
}

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
      if (!r.jvm) continue;
      const jdk = r.jvm.jdkVersion ?? jdkOption(options);
      const found = r.jvm.options.flatMap((o) => classify(o, c.name, jdk) ?? []);
      // One fix per container removes every dead option at once (removals in one field must not be applied twice).
      const dead = jdk === undefined ? [] : found.map((f) => f.o);
      const fix = dead.length > 0 ? removeTokens(dead.map((o) => o.site)) : undefined;
      for (const [i, f] of found.entries()) {
        yield { messageId: f.messageId, path: f.o.site.path, data: f.data, ...(i === 0 && fix ? { fix } : {}) };
      }
    }
  },
});
