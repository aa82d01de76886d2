import { describe, expect, it } from 'vitest';
import { attachLazyBody, hasLazyBody } from './lazy-body.js';

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }] },
  spec: { containers: [{ name: 'c', image: 'x:1' }] },
  status: { phase: 'Running' },
  __proto__x: 1,
};

/** The pod as the reader builds it: metadata parsed, the rest parsed on first use. */
function lazyPod(): Record<string, unknown> {
  const { apiVersion, kind, metadata, ...body } = POD;
  const o: Record<string, unknown> = JSON.parse(JSON.stringify({ apiVersion, kind, metadata })) as Record<
    string,
    unknown
  >;
  attachLazyBody(o, Object.keys(body), JSON.stringify(body));
  return o;
}

describe('attachLazyBody', () => {
  it('looks like the parsed object: keys in order, values, JSON, spread, structuredClone', () => {
    const o = lazyPod();
    expect(Object.keys(o)).toEqual(Object.keys(POD));
    expect(hasLazyBody(o)).toBe(true);
    expect(JSON.stringify(o)).toBe(JSON.stringify(POD));
    expect(hasLazyBody(o)).toBe(false);
    expect(o).toEqual(POD);
    expect({ ...lazyPod() }).toEqual(POD);
    expect(structuredClone(lazyPod())).toEqual(POD);
    expect(Object.getOwnPropertyDescriptor(o, 'spec')).toMatchObject({ writable: true, enumerable: true });
  });

  it('parses nothing until a body key is read, then all of the body once', () => {
    const o = lazyPod();
    expect((o['metadata'] as { name: string }).name).toBe('p');
    expect(hasLazyBody(o)).toBe(true);
    const spec = o['spec'];
    expect(hasLazyBody(o)).toBe(false);
    expect(o['spec']).toBe(spec);
    expect(o['status']).toEqual({ phase: 'Running' });
  });

  it('keeps writes and deletes made before the body was parsed', () => {
    const o = lazyPod();
    o['status'] = { phase: 'Failed' };
    expect(o['status']).toEqual({ phase: 'Failed' });
    expect(o['spec']).toEqual(POD.spec);
    const d = lazyPod();
    delete d['spec'];
    expect(Object.keys(d)).not.toContain('spec');
    expect(d['status']).toEqual(POD.status);
    expect(Object.keys(d)).not.toContain('spec');
  });

  it('never recurses on an accessor copied to another object', () => {
    const o = lazyPod();
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(o)) as Record<string, unknown>;
    expect(copy['spec']).toBeUndefined();
  });
});
