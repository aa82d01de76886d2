import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { classifySysctl, GUIDE_SYSCTLS, safeSysctls } from './sysctls.js';

const v = (s: string) => parseKubeVersion(s)!;

describe('classifySysctl (kubernetes.io sysctl-cluster and kernel-version-requirements pages)', () => {
  it('follows the safe set per release', () => {
    expect(classifySysctl('net.ipv4.tcp_keepalive_time', v('1.28'))).toBe('unsafe');
    expect(classifySysctl('net.ipv4.tcp_keepalive_time', v('1.29'))).toBe('safe');
    expect(classifySysctl('net.ipv4.tcp_rmem', v('1.31'))).toBe('unsafe');
    expect(classifySysctl('net.ipv4.tcp_rmem', v('1.32'))).toBe('safe');
    expect(classifySysctl('net.ipv4.ip_local_reserved_ports', v('1.27'))).toBe('safe');
  });
  it('separates namespaced-unsafe from node-level', () => {
    expect(classifySysctl('net.core.somaxconn', v('1.34'))).toBe('unsafe');
    expect(classifySysctl('kernel.msgmax', v('1.34'))).toBe('unsafe');
    expect(classifySysctl('net.core.rmem_max', v('1.34'))).toBe('node');
    expect(classifySysctl('vm.swappiness', v('1.34'))).toBe('node');
    expect(classifySysctl('fs.file-max', v('1.34'))).toBe('node');
    expect(classifySysctl('kernel.pid_max', v('1.34'))).toBe('node');
  });
  it('accepts the slash form', () => expect(classifySysctl('net/ipv4/ip_local_port_range', v('1.25'))).toBe('safe'));
  it('lists 12 safe sysctls in 1.32 and 5 in 1.25', () => {
    expect(safeSysctls(v('1.32'))).toHaveLength(12);
    expect(safeSysctls(v('1.25'))).toHaveLength(5);
  });
  it('keeps the guide recommendations inside their own bounds', () => {
    for (const r of GUIDE_SYSCTLS) {
      const n = Number(r.recommended);
      if (r.min !== undefined) expect(n).toBeGreaterThanOrEqual(r.min);
      if (r.max !== undefined) expect(n).toBeLessThanOrEqual(r.max);
      if (r.equals !== undefined) expect(r.recommended).toBe(r.equals);
    }
  });
});
