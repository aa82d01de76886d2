/**
 * Image registries that no longer receive images.
 * Source: https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/ (k8s.gcr.io frozen 2023-04-03,
 * redirected to registry.k8s.io; https://kubernetes.io/blog/2023/03/10/image-registry-redirect/).
 */
export interface FrozenRegistry {
  readonly registry: string;
  readonly replacement: string;
  readonly frozenSince: string;
  readonly source: string;
}

export const FROZEN_REGISTRIES: readonly FrozenRegistry[] = [
  {
    registry: 'k8s.gcr.io',
    replacement: 'registry.k8s.io',
    frozenSince: '2023-04-03',
    source: 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/',
  },
];

export interface ImageRef {
  readonly registry?: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Splits an image reference as the container runtime does (docker/distribution reference grammar). */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  let registry: string | undefined;
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(colon + 1) : undefined;
  const repository = tag !== undefined ? rest.slice(0, colon) : rest;
  return {
    repository,
    ...(registry !== undefined ? { registry } : {}),
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}
