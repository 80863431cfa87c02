/** Every CLI command. Areas add theirs in their own module and list it here. */
import type { Command } from '../command';
import { briefCommands } from './brief';
import { captureCommands } from './capture';
import { coreCommands } from './core';
import { dedupeCommands } from './dedupe';
import { documentCommands } from './documents';
import { judgmentCommands } from './judgment';
import { serveCommand } from './serve';
import { settingsCommand } from './settings';
import { transferCommands } from './transfer';

export const commands: Command[] = [...coreCommands, serveCommand, ...briefCommands, ...transferCommands, ...judgmentCommands, settingsCommand, ...documentCommands, ...captureCommands, ...dedupeCommands];
