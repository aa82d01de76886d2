import { describe, expect, it } from 'vitest';
import { REDACTED, redactObject } from './redact.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'p',
    namespace: 'default',
    annotations: { note: 'postgres://app:s3cr3t@db:5432/app', owner: 'team-a' },
  },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'app:1',
        command: ['/app', '--db-password=hunter2', '--port=8080', '--api-token', 'plain-next-arg'],
        env: [
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'GITHUB', value: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
          { name: 'LOG_LEVEL', value: 'debug' },
          { name: 'GOMAXPROCS', value: '4' },
          { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
          { name: 'EMPTY_SECRET', value: '' },
        ],
        resources: { limits: { memory: '256Mi' } },
      },
    ],
  },
};

describe('redactObject', () => {
  it('hides secret env values, secret-looking strings and --secret= flags, and keeps everything else', () => {
    const stats = { values: 0 };
    const r = redactObject(pod, stats) as typeof pod;
    const c = r.spec.containers[0]!;
    expect(c.env.map((e) => ('value' in e ? e.value : 'ref'))).toEqual([REDACTED, REDACTED, 'debug', '4', 'ref', '']);
    expect(c.command).toEqual(['/app', `--db-password=${REDACTED}`, '--port=8080', '--api-token', REDACTED]);
    expect(r.metadata.annotations).toEqual({ note: REDACTED, owner: 'team-a' });
    expect(c.resources).toEqual({ limits: { memory: '256Mi' } });
    expect(stats.values).toBe(5);
    expect(pod.spec.containers[0]!.env[0]!.value).toBe('hunter2'); // input untouched
  });

  it('hides certificates and JWTs wherever they are (webhook caBundle, ConfigMap data)', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXZhbHVl';
    const hook = {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'w' },
      webhooks: [
        {
          name: 'w.example.com',
          timeoutSeconds: 30,
          clientConfig: { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' },
        },
      ],
    };
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { token: jwt, 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIB', mode: 'ipvs' },
    };
    expect((redactObject(hook) as typeof hook).webhooks[0]).toEqual({
      name: 'w.example.com',
      timeoutSeconds: 30,
      clientConfig: { caBundle: REDACTED },
    });
    expect((redactObject(cm) as typeof cm).data).toEqual({ token: REDACTED, 'ca.crt': REDACTED, mode: 'ipvs' });
  });
});
