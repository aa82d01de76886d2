import { describe, expect, it } from 'vitest';
import { PROFILES } from '../knowledge/profiles.js';
import { parseRuntimeSettings, recommendRuntimeSettings } from '../model/runtime-settings.js';
import { parseContainer } from '../model/workload.js';
import { applyPatch } from './patch.js';

const MIB = 2 ** 20;

describe('applyPatch', () => {
  it('applies runtime-setting edits one by one (each re-parsed), and they compose', () => {
    const raw = {
      name: 'app',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseG1GC -Xmx3g -XX:ActiveProcessorCount=8' },
        { name: 'GOMAXPROCS', value: '8' },
      ],
    };
    const recs = recommendRuntimeSettings(
      parseRuntimeSettings(parseContainer(raw, 'container', 0, ['spec'])),
      {
        cpuLimit: 1500,
        memoryLimit: 2048 * MIB,
      },
      PROFILES.guide,
    );
    let obj: unknown = { spec: { containers: [raw] } };
    for (const rec of recs.slice(0, 1)) obj = applyPatch(obj, rec.edits);
    const again = parseRuntimeSettings(
      parseContainer((obj as { spec: { containers: unknown[] } }).spec.containers[0], 'container', 0, ['spec']),
    );
    expect(again.jvm?.maxHeap?.raw).toBe('-Xmx1536m');
    expect(again.jvm?.options.map((o) => o.raw)).toEqual(['-XX:+UseG1GC', '-Xmx1536m', '-XX:ActiveProcessorCount=8']);
    expect(raw.env[0]!.value).toBe('-XX:+UseG1GC -Xmx3g -XX:ActiveProcessorCount=8'); // the input is not changed
  });
});
