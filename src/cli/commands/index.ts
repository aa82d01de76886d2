import type { CommandModule } from '../command.js';
import { auditCommand } from './audit.js';
import { rightsizeCommand } from './rightsize.js';
import { explainCommand, rulesCommand } from './rules.js';

/** Every CLI command, in help order. */
export const COMMANDS: readonly CommandModule[] = [auditCommand, rightsizeCommand, rulesCommand, explainCommand];
