/** Test support: runs the real promtool (`check rules`, `test rules`, `create-blocks-from rules`) and captures it. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ToolRun {
  readonly code: number | null;
  readonly output: string;
}

export async function promtool(args: readonly string[], cwd?: string): Promise<ToolRun> {
  const child = spawn('promtool', args, { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
