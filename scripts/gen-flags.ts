/**
 * Generates src/knowledge/flags-upstream-data.ts: every flag of kube-apiserver, kube-controller-manager,
 * kube-scheduler, kubelet and kube-proxy for each Kubernetes minor 1.25-1.35, and of etcd 3.4-3.6, with type,
 * default, the releases that list it and the first release that deprecates it.
 *
 * Sources (git directories, read with `git show REV:PATH`; nothing is built or run):
 * - Kubernetes: the generated component reference pages of kubernetes/website
 *   (content/en/docs/reference/command-line-tools-reference/<component>.md), taken for minor N at the commit just
 *   before the reference for N+1 landed (the newest minor at the pinned head). Any clone with the website history
 *   works: KUBETUNE_WEBSITE_GIT (default: the fetched mirror under /work/.mirror).
 * - etcd: etcd-io/etcd's own flag definitions (etcdmain/config.go, embed/config.go, their server/ paths from 3.5)
 *   at the newest patch tag of each minor: KUBETUNE_ETCD_GIT.
 *
 * Run: npx tsx scripts/gen-flags.ts [--check]. With --check the output is compared with the committed file; when
 * a source repository is absent the regeneration is skipped (exit 0, saying so) and only the committed digest is
 * verified.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parseEtcdFlags } from './flags/etcd-source.js';
import { parseReferencePage, type PageFlag } from './flags/reference-page.js';
import { ERRATA, applyErrata } from './flags/errata.js';
import { canonicalFlagData, type GeneratedComponent } from './flags/render.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'src/knowledge/flags-upstream-data.ts');
const WEBSITE = process.env['KUBETUNE_WEBSITE_GIT'] ?? '/work/.mirror/Andygol+k8s-website/repo';
const ETCD = process.env['KUBETUNE_ETCD_GIT'] ?? '/work/.mirror/etcd-io+etcd/repo';
const PAGES = 'content/en/docs/reference/command-line-tools-reference';

/** kubernetes/website commits that regenerated the component reference for a minor ("Component reference for v1.N"). */
const REFERENCE_FOR: Readonly<Record<number, string>> = {
  25: '29fa349c35b4c605b5b52e5037f74747660b3496',
  26: 'f2768f6c400aa1113b6b6e80e4beef1c40a0438c',
  27: '8895af3e9b8a392f5b14292464375573a80fc572',
  28: 'c095f6e7f150b49c4aef351334723c9bb710d059',
  29: '519eec1bf605bba8e0a15b44395d588302f0bcc1',
  30: '571276338b0f7bf0f4d5ff7760229a396c45c0e8',
  31: 'f525060e96c6c094af1a6f7c52e2942d266a9921',
  32: 'f88d4ccd1d6eb2aebf67a44bf3a6f8275f2a9908',
  33: '05a3c54633e08478d71f3e1ee8055092d3fd47e1',
  34: '57f603ec07eef2fa9b98e9bd204c0e0757847aec',
  35: '13a9e56765c61ebabc11dc3bc32ed7416837380f',
};
/** The website head read for the newest minor (after the kubelet follow-up regenerations). */
const WEBSITE_HEAD = '5a52c38472';
const MINORS = Object.keys(REFERENCE_FOR).map(Number);
const NEWEST = Math.max(...MINORS);
const ETCD_TAGS: Readonly<Record<string, string>> = { '3.4': 'v3.4.45', '3.5': 'v3.5.33', '3.6': 'v3.6.14' };
const ETCD_FILES = ['etcdmain/config.go', 'embed/config.go', 'server/etcdmain/config.go', 'server/embed/config.go'];
const KUBE = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] as const;

const git = (dir: string, args: string[]): string =>
  execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
const show = (dir: string, rev: string, path: string): string | undefined => {
  try {
    return git(dir, ['show', `${rev}:${path}`]);
  } catch {
    return undefined;
  }
};
const resolve = (dir: string, rev: string): string => git(dir, ['rev-parse', rev]).trim();

/** Website revision whose pages describe minor `m`. */
const revisionFor = (m: number): string => (m === NEWEST ? WEBSITE_HEAD : `${REFERENCE_FOR[m + 1]}^`);

function kubeComponent(component: (typeof KUBE)[number]): GeneratedComponent {
  const releases: Record<string, { revision: string; flags: PageFlag[] }> = {};
  for (const m of MINORS) {
    const rev = resolve(WEBSITE, revisionFor(m));
    const text = show(WEBSITE, rev, `${PAGES}/${component}.md`);
    if (text === undefined) throw new Error(`${component}.md missing at ${rev}`);
    releases[`1.${m}`] = { revision: rev, flags: applyErrata(component, m, parseReferencePage(text)) };
  }
  return {
    component,
    source: { repo: 'kubernetes/website', path: `${PAGES}/${component}.md` },
    releases,
  };
}

function etcdComponent(): GeneratedComponent {
  const releases: Record<string, { revision: string; flags: PageFlag[] }> = {};
  for (const [minor, tag] of Object.entries(ETCD_TAGS)) {
    const sources = ETCD_FILES.map((p) => show(ETCD, tag, p)).filter((s): s is string => s !== undefined);
    if (sources.length === 0) throw new Error(`no etcd flag sources at ${tag}`);
    releases[minor] = { revision: tag, flags: parseEtcdFlags(sources) };
  }
  return { component: 'etcd', source: { repo: 'etcd-io/etcd', path: ETCD_FILES.join(' ') }, releases };
}

const digestOf = (json: string): string => createHash('sha256').update(json).digest('hex');

async function render(): Promise<string> {
  const data = canonicalFlagData([...KUBE.map(kubeComponent), etcdComponent()]);
  const json = JSON.stringify(data);
  const source = [
    '// GENERATED by scripts/gen-flags.ts: do not edit. Regenerate with `npx tsx scripts/gen-flags.ts`.',
    '// Kubernetes flags: the component reference pages of kubernetes/website at the commit named per release;',
    '// etcd flags: etcd-io/etcd flag definitions at the tag named per release. Rows: [name, type, default,',
    '// releases listing the flag, first release whose help text or deprecation list deprecates it].',
    `// Errata applied on top of the pages (each with its source): ${ERRATA.map((e) => e.source).join(', ')}.`,
    "import type { UpstreamFlagTables } from './flags-upstream-types.js';",
    '',
    `export const UPSTREAM_FLAGS: UpstreamFlagTables = ${json};`,
    '',
    '/** sha256 of the JSON above, checked by the test suite when the source repositories are absent. */',
    `export const UPSTREAM_FLAGS_DIGEST = '${digestOf(json)}';`,
    '',
  ].join('\n');
  return format(source, { ...(await resolveConfig(out)), filepath: out });
}

const check = process.argv.includes('--check');
const missing = [WEBSITE, ETCD].filter((d) => !existsSync(d));
if (missing.length > 0) {
  if (!check)
    throw new Error(`source repositories absent: ${missing.join(', ')} (set KUBETUNE_WEBSITE_GIT / KUBETUNE_ETCD_GIT)`);
  const data = (await import('../src/knowledge/flags-upstream-data.js')) as {
    UPSTREAM_FLAGS: unknown;
    UPSTREAM_FLAGS_DIGEST: string;
  };
  const ok = data.UPSTREAM_FLAGS_DIGEST === digestOf(JSON.stringify(data.UPSTREAM_FLAGS));
  console.log(
    `REGENERATION SKIPPED: ${missing.join(', ')} not present; committed data digest ${ok ? 'verified' : 'MISMATCH'}`,
  );
  process.exit(ok ? 0 : 1);
}
const text = await render();
if (check) {
  const same = readFileSync(out, 'utf8') === text;
  console.log(
    same ? 'flag tables reproduce from the pinned sources' : `${out} is stale: run npx tsx scripts/gen-flags.ts`,
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
console.log(`wrote ${out}`);
