import type { CommandModule } from '../command.js';
import { auditCommand } from './audit.js';
import { diagnoseCommand } from './diagnose.js';
import { healthCommand } from './health.js';
import { rightsizeCommand } from './rightsize.js';
import { explainCommand, rulesCommand } from './rules.js';
import { snapshotCommand } from './snapshot.js';

/** Every CLI command, in help order. */
export const COMMANDS: readonly CommandModule[] = [
  auditCommand,
  diagnoseCommand,
  rightsizeCommand,
  snapshotCommand,
  healthCommand,
  rulesCommand,
  explainCommand,
];
