/** Every CLI command. Areas add theirs in their own module and list it here. */
import type { Command } from '../command';
import { coreCommands } from './core';
import { judgmentCommands } from './judgment';
import { serveCommand } from './serve';

export const commands: Command[] = [...coreCommands, serveCommand, ...judgmentCommands];
