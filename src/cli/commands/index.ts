import type { CommandModule } from '../command.js';
import { auditCommand } from './audit.js';
import { benchCommand } from './bench.js';
import { diagnoseCommand } from './diagnose.js';
import { fixCommand } from './fix.js';
import { generateCommand } from './generate.js';
import { healthCommand } from './health.js';
import { planCommand } from './plan.js';
import { predictCommand } from './predict.js';
import { rightsizeCommand } from './rightsize.js';
import { explainCommand, rulesCommand } from './rules.js';
import { snapshotCommand } from './snapshot.js';

/** Every CLI command, in help order. */
export const COMMANDS: readonly CommandModule[] = [
  auditCommand,
  fixCommand,
  diagnoseCommand,
  rightsizeCommand,
  snapshotCommand,
  healthCommand,
  planCommand,
  benchCommand,
  generateCommand,
  predictCommand,
  rulesCommand,
  explainCommand,
];
