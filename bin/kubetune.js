#!/usr/bin/env node
import { runWithNodeFlags } from '../dist/cli/respawn.js';

// Restarts once with kubetune's Node settings (see src/cli/respawn.ts) unless they are already in effect.
const respawned = runWithNodeFlags(process.argv[1], process.argv.slice(2));
if (respawned) process.exitCode = await respawned;
else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
