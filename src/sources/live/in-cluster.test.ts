import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCapture } from '../../../test/support/replay-cluster.js';
import { startReplayServer, type ReplayServer } from '../../../test/support/replay-server.js';
import { connect } from './kubeconfig.js';
import { readCluster } from './read.js';
import { writeSelfSignedCert } from '../../../test/support/tls.js';

/** A pod's view: no kubeconfig, KUBERNETES_SERVICE_HOST/PORT set, token and CA mounted; the API server speaks TLS. */
describe('in-cluster service account over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-sa-'));
  const sa = join(dir, 'var/run/secrets/kubernetes.io/serviceaccount');
  let server: ReplayServer;
  const saved = { host: process.env['KUBERNETES_SERVICE_HOST'], port: process.env['KUBERNETES_SERVICE_PORT'] };

  beforeAll(async () => {
    mkdirSync(sa, { recursive: true });
    // a self-signed certificate for 127.0.0.1 stands for the cluster CA, as mounted in ca.crt
    writeSelfSignedCert(join(dir, 'key.pem'), join(sa, 'ca.crt'));
    writeFileSync(join(sa, 'token'), 'sa-token-123');
    writeFileSync(join(sa, 'namespace'), 'kubetune');
    server = await startReplayServer({
      objects: loadCapture(),
      bearerToken: 'sa-token-123',
      tls: { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(sa, 'ca.crt'), 'utf8') },
    });
    process.env['KUBERNETES_SERVICE_HOST'] = '127.0.0.1';
    process.env['KUBERNETES_SERVICE_PORT'] = new URL(server.url).port;
  });
  afterAll(async () => {
    await server.close();
    for (const [k, v] of [
      ['KUBERNETES_SERVICE_HOST', saved.host],
      ['KUBERNETES_SERVICE_PORT', saved.port],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it('uses the mounted token and verifies the server against the mounted CA', async () => {
    const env = { HOME: join(dir, 'no-home'), KUBERNETES_SERVICE_HOST: '127.0.0.1' };
    const conn = await connect({ env, serviceAccountRoot: dir });
    expect(conn).toMatchObject({ inCluster: true, context: 'in-cluster', server: server.url });
    const r = await readCluster(conn.api, { kubelet: false, apiServerMetrics: false });
    conn.api.close();
    expect(r.resources.filter((x) => x.object.kind === 'Pod').length).toBeGreaterThan(0);
    expect(server.requests.every((q) => q.authorization === 'Bearer sa-token-123')).toBe(true);
  });

  it('refuses a server whose certificate the CA did not sign', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kt-sa-other-'));
    const otherSa = join(other, 'var/run/secrets/kubernetes.io/serviceaccount');
    mkdirSync(otherSa, { recursive: true });
    writeSelfSignedCert(join(other, 'k.pem'), join(otherSa, 'ca.crt'), 'other');
    writeFileSync(join(otherSa, 'token'), 'sa-token-123');
    const conn = await connect({
      env: { HOME: join(other, 'no-home'), KUBERNETES_SERVICE_HOST: '127.0.0.1' },
      serviceAccountRoot: other,
    });
    await expect(readCluster(conn.api, { kubelet: false, retry: { sleep: async () => {} } })).rejects.toMatchObject({
      code: 'KT_KUBE_API',
      status: 0,
    });
    conn.api.close();
  });
});
