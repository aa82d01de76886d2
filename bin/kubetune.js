#!/usr/bin/env node
import { runWithNodeFlags } from '../dist/cli/respawn.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // nothing to tune and nothing to load: answer at once
  const { VERSION } = await import('../dist/app/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // Restarts once with kubetune's Node settings (see src/cli/respawn.ts) unless they are already in effect.
  const respawned = runWithNodeFlags(process.argv[1], args);
  if (respawned) process.exitCode = await respawned;
  else {
    const { main } = await import('../dist/cli/main.js');
    process.exitCode = await main(args);
  }
}
