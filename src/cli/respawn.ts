/**
 * The Node settings kubetune runs with. It holds a whole cluster snapshot (a GiB for 150,000 pods) while its rules
 * allocate short-lived views and findings; with Node's default young generation (16 MiB semi-spaces) the scavenger
 * runs a hundred times over that old heap during the rules. 64 MiB semi-spaces cut the time after reading by about a
 * fifth (docs/performance.md). Node reads the setting only at start, so bin/kubetune.js restarts itself once with it
 * unless it is already set (in the command line or NODE_OPTIONS) or KUBETUNE_NO_RESPAWN=1.
 */
import { spawn } from 'node:child_process';

export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** The Node arguments to restart with, or undefined when this process already runs with NODE_FLAGS. */
export function respawnArgs(
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] | undefined {
  if (env['KUBETUNE_NO_RESPAWN'] === '1') return undefined;
  const given = [...execArgv, ...(env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  const missing = NODE_FLAGS.filter((f) => !given.some((g) => g.split('=')[0] === f.split('=')[0]));
  return missing.length === 0 ? undefined : [...missing, ...execArgv];
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` again in a child Node process with NODE_FLAGS, same arguments, environment and terminal, and
 * resolves with its exit code; undefined when no restart is needed (the caller runs the CLI itself). Signals sent to
 * this process go to the child (which cleans up whatever it started); when the child dies of a signal, so does this.
 */
export function runWithNodeFlags(script: string, args: readonly string[]): Promise<number> | undefined {
  const nodeArgs = respawnArgs(process.execArgv, process.env);
  if (!nodeArgs) return undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, KUBETUNE_NO_RESPAWN: '1' },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const s of FORWARDED) process.on(s, forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (signal) process.kill(process.pid, signal);
      else resolve(code ?? 1);
    });
  });
}
