import { describe, expect, it } from 'vitest';
import { inferJdkVersion, parseRuntimeSettings, recommendRuntimeSettings } from './runtime-settings.js';
import { parseContainer } from './workload.js';

const MIB = 2 ** 20;
const container = (c: Record<string, unknown>) => parseContainer({ name: 'app', ...c }, 'container', 0, ['spec']);

describe('parseRuntimeSettings', () => {
  it('reads JVM options from env and the command line; the command line wins', () => {
    const c = container({
      image: 'eclipse-temurin:17-jre',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx512m -XX:+UseG1GC -XX:MaxRAMPercentage=80.0' }],
      command: ['java', '-Xmx1g', '-XX:ActiveProcessorCount=4', '-jar', 'app.jar'],
    });
    const r = parseRuntimeSettings(c);
    expect(r.jvm?.maxHeap?.value).toBe(1024 * MIB);
    expect(r.jvm?.maxHeap?.site.path).toEqual(['spec', 'containers', 0, 'command', 1]);
    expect(r.jvm?.maxRamPercentage?.value).toBe(80);
    expect(r.jvm?.activeProcessorCount?.value).toBe(4);
    expect(r.jvm?.jdkVersion).toBe(17);
    expect(r.jvm?.options.map((o) => o.name)).toEqual([
      'Xmx',
      'UseG1GC',
      'MaxRAMPercentage',
      'Xmx',
      'ActiveProcessorCount',
    ]);
  });

  it('splits sh -c scripts and keeps offsets into the script string', () => {
    const c = container({ command: ['sh', '-c', 'exec java -Xmx2G -jar /app.jar'] });
    const heap = parseRuntimeSettings(c).jvm!.maxHeap!;
    expect(heap.value).toBe(2048 * MIB);
    expect(heap.site.path).toEqual(['spec', 'containers', 0, 'command', 2]);
    expect(heap.site.text.slice(heap.site.start, heap.site.end)).toBe('-Xmx2G');
  });

  it('reads Go, Node, Python and .NET settings', () => {
    const c = container({
      env: [
        { name: 'GOMAXPROCS', value: '8' },
        { name: 'GOMEMLIMIT', value: '900MiB' },
        { name: 'GOGC', value: 'off' },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=4096 --enable-source-maps' },
        { name: 'DOTNET_GCHeapHardLimit', value: '0xC800000' },
      ],
      command: ['gunicorn', '--workers=9', 'app:app'],
    });
    const r = parseRuntimeSettings(c);
    expect(r.go?.gomaxprocs?.value).toBe(8);
    expect(r.go?.gomemlimit?.value).toBe(900 * MIB);
    expect(r.go?.gogc?.value).toBe('off');
    expect(r.node?.maxOldSpace?.value).toBe(4096 * MIB);
    expect(r.python).toMatchObject({ server: 'gunicorn', workers: { value: 9 } });
    expect(r.dotnet?.heapHardLimit?.value).toBe(200 * MIB);
    expect(r.jvm).toBeUndefined();
  });

  it('does not invent a JVM for non-Java containers', () => {
    expect(parseRuntimeSettings(container({ image: 'nginx:1.27', args: ['-g', 'daemon off;'] })).jvm).toBeUndefined();
  });
});

describe('inferJdkVersion', () => {
  it.each([
    ['eclipse-temurin:21.0.2_13-jdk', 21],
    ['openjdk:8u342-jre', 8],
    ['amazoncorretto:17', 17],
    ['gcr.io/distroless/java17-debian12', 17],
    ['tomcat:9.0-jdk11-temurin', 11],
    ['ibm-semeru-runtimes:open-17-jre', 17],
    ['maven:3.9-eclipse-temurin-21', 21],
    ['nginx:1.27', undefined],
    ['openjdk:latest', undefined],
  ])('%s → %s', (image, want) => expect(inferJdkVersion(image)).toBe(want));
});

/** The guide's runtime targets (knowledge/thresholds/runtime.ts), written out: model tests do not import knowledge/. */
const TARGETS = {
  jvmHeapShare: 0.75,
  jvmHeapShareRange: { min: 0.5, max: 0.85 },
  goMemLimitShare: 0.9,
  nodeHeapShare: 0.75,
  gunicornWorkersPerCore: 2,
};

describe('recommendRuntimeSettings', () => {
  it('recomputes existing settings for new limits and edits only their tokens', () => {
    const raw = {
      name: 'app',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseG1GC -Xmx3g -XX:ActiveProcessorCount=8' },
        { name: 'GOMAXPROCS', value: '8' },
      ],
    };
    const r = parseRuntimeSettings(parseContainer(raw, 'container', 0, ['spec']));
    const recs = recommendRuntimeSettings(r, { cpuLimit: 1500, memoryLimit: 2048 * MIB }, TARGETS);
    expect(recs.map((x) => [x.setting, x.recommended])).toEqual([
      ['-Xmx', '-Xmx1536m'],
      ['-XX:ActiveProcessorCount', '-XX:ActiveProcessorCount=2'],
      ['GOMAXPROCS', '2'],
      ['GOMEMLIMIT', '1843MiB'],
    ]);
  });

  it('adds GOMEMLIMIT as a new env entry when Go is recognised without one', () => {
    const raw = { name: 'app', env: [{ name: 'GOGC', value: '100' }] };
    const r = parseRuntimeSettings(parseContainer(raw, 'container', 0, ['spec']));
    const [rec] = recommendRuntimeSettings(r, { memoryLimit: 1024 * MIB }, TARGETS);
    expect(rec?.edits).toEqual([
      { op: 'add', path: ['spec', 'containers', 0, 'env', 1], value: { name: 'GOMEMLIMIT', value: '921MiB' } },
    ]);
  });

  it('recommends nothing when settings already match', () => {
    const raw = {
      name: 'app',
      env: [
        { name: 'GOMAXPROCS', value: '2' },
        { name: 'GOMEMLIMIT', value: '921MiB' },
      ],
    };
    const r = parseRuntimeSettings(parseContainer(raw, 'container', 0, ['spec']));
    expect(recommendRuntimeSettings(r, { cpuLimit: 2000, memoryLimit: 1024 * MIB }, TARGETS)).toEqual([]);
  });
});
