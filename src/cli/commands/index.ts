import type { CommandModule } from '../command.js';
import { auditCommand } from './audit.js';
import { explainCommand, rulesCommand } from './rules.js';
import { healthCommand } from './health.js';
import { snapshotCommand } from './snapshot.js';

/** Every CLI command, in help order. */
export const COMMANDS: readonly CommandModule[] = [
  auditCommand,
  snapshotCommand,
  healthCommand,
  rulesCommand,
  explainCommand,
];
