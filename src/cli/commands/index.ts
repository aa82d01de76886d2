import type { CommandModule } from '../command.js';
import { auditCommand } from './audit.js';
import { explainCommand, rulesCommand } from './rules.js';
import { fixCommand } from './fix.js';

/** Every CLI command, in help order. */
export const COMMANDS: readonly CommandModule[] = [auditCommand, fixCommand, rulesCommand, explainCommand];
