import { describe, expect, it } from 'vitest';
import { recomputeRuntime } from './runtime.js';
import type { ContainerSpec } from './types.js';

const MiB = 2 ** 20;
const spec = (env: ContainerSpec['env'], args: string[] = []): ContainerSpec => ({
  workload: { namespace: 'a', kind: 'Deployment', name: 'b' },
  container: 'c',
  role: 'app',
  current: {},
  podContainers: 1,
  shortLived: false,
  env,
  args,
  command: [],
});

describe('recomputeRuntime', () => {
  it('recomputes the Go settings the container sets, for the new limits', () => {
    const changes = recomputeRuntime(
      spec([
        { name: 'GOMAXPROCS', value: '8' },
        { name: 'GOMEMLIMIT', value: '2GiB' },
        { name: 'OTHER', value: 'x' },
      ]),
      {
        cpuLimit: 2500,
        memoryLimit: 1024 * MiB,
      },
    );
    expect(changes).toEqual([
      // 2.5 cores round up, as the runtime audit rules (and Go 1.25's container-aware default) count them
      { setting: 'GOMAXPROCS', where: 'GOMAXPROCS', from: '8', to: '3' },
      { setting: 'GOMEMLIMIT', where: 'GOMEMLIMIT', from: '2GiB', to: '921MiB' },
    ]);
  });

  it('rewrites -Xmx and ActiveProcessorCount in JAVA_TOOL_OPTIONS and in args (whole list kept)', () => {
    const changes = recomputeRuntime(
      spec(
        [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx4g -XX:+UseG1GC' }],
        ['-XX:ActiveProcessorCount=8', '-jar', 'app.jar'],
      ),
      {
        cpuRequest: 500,
        memoryLimit: 2048 * MiB,
      },
    );
    expect(changes).toEqual([
      { setting: 'Xmx', where: 'JAVA_TOOL_OPTIONS', from: '-Xmx4g -XX:+UseG1GC', to: '-Xmx1536m -XX:+UseG1GC' },
      {
        setting: 'ActiveProcessorCount',
        where: 'args',
        from: '-XX:ActiveProcessorCount=8',
        to: '-XX:ActiveProcessorCount=1',
        list: ['-XX:ActiveProcessorCount=1', '-jar', 'app.jar'],
      },
    ]);
  });

  it('matches worker counts to cores and leaves settings already right alone', () => {
    expect(recomputeRuntime(spec([{ name: 'WEB_CONCURRENCY', value: '9' }]), { cpuLimit: 3000 })).toEqual([
      { setting: 'workers', where: 'WEB_CONCURRENCY', from: '9', to: '3' },
    ]);
    expect(recomputeRuntime(spec([{ name: 'GOMAXPROCS', value: '3' }]), { cpuLimit: 3000 })).toEqual([]);
  });
});
