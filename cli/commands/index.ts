/** Every CLI command. Areas add theirs in their own module and list it here. */
import type { Command } from '../command';
import { briefCommands } from './brief';
import { coreCommands } from './core';
import { documentCommands } from './documents';
import { judgmentCommands } from './judgment';
import { serveCommand } from './serve';
import { transferCommands } from './transfer';

export const commands: Command[] = [...coreCommands, serveCommand, ...briefCommands, ...transferCommands, ...judgmentCommands, ...documentCommands];
