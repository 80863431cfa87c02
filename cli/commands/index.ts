/** Every CLI command. Areas add theirs in their own module and list it here. */
import type { Command } from '../command';
import { coreCommands } from './core';

export const commands: Command[] = [...coreCommands];
