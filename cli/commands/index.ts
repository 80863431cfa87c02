/** Every CLI command. Areas add theirs in their own module and list it here. */
import type { Command } from '../command';
import { analysisCommands } from './analysis';
import { briefCommands } from './brief';
import { captureCommands } from './capture';
import { caseCommands } from './case';
import { claimCommands } from './claims';
import { dedupeCommands } from './dedupe';
import { documentCommands } from './documents';
import { evidenceCommands } from './evidence';
import { historyCommands } from './history';
import { judgmentCommands } from './judgment';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { settingsCommand } from './settings';
import { sourceCommands } from './sources';
import { teamCommands } from './team';
import { transferCommands } from './transfer';

export const commands: Command[] = [
  ...caseCommands,
  ...claimCommands,
  ...sourceCommands,
  ...evidenceCommands,
  searchCommand,
  ...historyCommands,
  serveCommand,
  ...briefCommands,
  ...transferCommands,
  ...judgmentCommands,
  settingsCommand,
  ...documentCommands,
  ...captureCommands,
  ...analysisCommands,
  ...dedupeCommands,
  ...teamCommands,
];
