/**
 * Writes the input of the "many findings" benchmark row: a multi-document YAML file of Deployments that each break
 * about a dozen rules (no requests or limits, no probes, untagged images), shaped like the 300 MB file of issue 19
 * (289k Deployments, ~1 KB each). Streams in ~4 MiB batches; deterministic.
 */
import { open } from 'node:fs/promises';

/**
 * Findings of one Deployment below with the built-in rules, plus one (namespace-mostly-besteffort) per namespace of
 * 1000 Deployments (checked by test/e2e/bench-findings-input.test.ts).
 */
export const FINDINGS_PER_DEPLOYMENT = 14;

/** One Deployment as YAML text: one replica, two containers, neither with resources or probes (7 findings each). */
export function badDeployment(i: number): string {
  const ns = `team-${Math.floor(i / 1000)}`;
  const name = `svc-${i.toString(36)}-${(i * 2654435761) % 1000003}`;
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/managed-by: kustomize
  annotations:
    deployment.kubernetes.io/revision: "${(i % 40) + 1}"
    kubernetes.io/change-cause: rollout of build ${i} from the release pipeline, commit ${(i * 40503) % 65536}
spec:
  replicas: 1
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: shop
    spec:
      serviceAccountName: ${name}
      containers:
        - name: app
          image: registry.example.com/${ns}/${name}:latest
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
        - name: proxy
          image: envoyproxy/envoy
          args: [--config-path, /etc/envoy/envoy.yaml, --service-cluster, ${name}]
`;
}

/** Writes `count` Deployments to `file`; resolves with the bytes written. */
export async function writeFindingsYaml(file: string, count: number): Promise<number> {
  const handle = await open(file, 'w');
  let bytes = 0;
  try {
    let batch = '';
    for (let i = 0; i < count; i++) {
      batch += badDeployment(i);
      if (batch.length >= 4 << 20 || i === count - 1) {
        const buf = Buffer.from(batch, 'utf8');
        bytes += buf.length;
        await handle.write(buf);
        batch = '';
      }
    }
  } finally {
    await handle.close();
  }
  return bytes;
}
