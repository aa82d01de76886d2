/**
 * Where the generated tables come from: git directories of kubernetes/website and etcd-io/etcd history, read with
 * `git show REV:PATH` (nothing is built or run), and which website revision describes each Kubernetes minor.
 */
import { execFileSync } from 'node:child_process';

export const WEBSITE = process.env['KUBETUNE_WEBSITE_GIT'] ?? '/work/.mirror/Andygol+k8s-website/repo';
export const ETCD = process.env['KUBETUNE_ETCD_GIT'] ?? '/work/.mirror/etcd-io+etcd/repo';

/** kubernetes/website commits that regenerated the component reference for a minor ("Component reference for v1.N"). */
export const REFERENCE_FOR: Readonly<Record<number, string>> = {
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
export const WEBSITE_HEAD = '5a52c38472';
export const MINORS = Object.keys(REFERENCE_FOR).map(Number);
const NEWEST = Math.max(...MINORS);

/** Website revision whose pages describe minor `m`: just before the next minor's reference landed. */
export const revisionFor = (m: number): string => (m === NEWEST ? WEBSITE_HEAD : `${REFERENCE_FOR[m + 1]}^`);

const git = (dir: string, args: string[]): string =>
  execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });

export const show = (dir: string, rev: string, path: string): string | undefined => {
  try {
    return git(dir, ['show', `${rev}:${path}`]);
  } catch {
    return undefined;
  }
};

export const resolveRev = (dir: string, rev: string): string => git(dir, ['rev-parse', rev]).trim();
