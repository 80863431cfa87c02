/**
 * DESIGN §1 layering, enforced by eslint.config.js (no-restricted-imports): each case below is linted
 * as if it were a file at that path, so a loosened rule fails here and not only in review.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, source: string): Promise<number> {
  const [r] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: `${root}${file}` });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

const refused: [string, string][] = [
  ['electron/main/x.ts', "import '../../cli/serve/server';"],
  ['electron/main/x.ts', "import '../../cli/command';"],
  ['electron/preload/x.ts', "import '../../renderer/src/api/client';"],
  ['cli/commands/x.ts', "import '../../electron/main/policy';"],
  ['cli/serve/x.ts', "import '../../renderer/src/App';"],
  ['db/host/x.ts', "import '../../cli/serve/static';"],
  ['db/x.ts', "import '../electron/main/policy';"],
  ['db/service/x.ts', "import '../../renderer/src/App';"],
  ['db/x.ts', "import 'electron';"],
  ['db/service/x.ts', "import 'react';"],
  // db/transfer builds on db/service; never back (issue 14.5).
  ['db/service/x.ts', "import '../transfer/apply';"],
  ['db/service/x.ts', "import { applyImport } from '../transfer/apply';"],
  ['db/service/x.ts', "import '../transfer';"],
  ['db/service/deeper/x.ts', "import '../../transfer/read';"],
  ['db/service/x.ts', "import 'electron';"],
  // core/ (issue 14.5): nothing of the database, the shells, the UI or Node, at any depth.
  ['core/x.ts', "import '../db/sql';"],
  ['core/briefing/x.ts', "import '../../db/sql';"],
  ['core/briefing/docx/x.ts', "import '../../../db/repos/claims';"],
  ['core/briefing/docx/x.ts', "import '../../../electron/main/policy';"],
  ['core/search/x.ts', "import '../../cli/format';"],
  ['core/x.ts', "import '../renderer/src/App';"],
  ['core/x.ts', "import 'better-sqlite3';"],
  ['core/x.ts', "import 'react';"],
  ['core/x.ts', "import 'node:crypto';"],
  ['core/x.ts', "import 'crypto';"],
  ['core/x.ts', "import 'fs/promises';"],
  ['core/x.ts', "import 'electron';"],
];

const allowed: [string, string][] = [
  ['electron/main/x.ts', "import '../../db/host/host';"],
  ['electron/main/x.ts', "import '../../core/api';"],
  ['electron/main/x.ts', "import 'electron';"],
  ['cli/serve/x.ts', "import '../../db/host/host';"],
  ['db/host/x.ts', "import '../../core/api';"],
  ['core/briefing/x.ts', "import '../text';"],
  ['core/x.ts', "import 'zod';"],
  ['db/x.ts', "import 'better-sqlite3';"],
  ['db/transfer/x.ts', "import '../service/context';"],
  ['db/service/x.ts', "import '../repos/claims';"],
  ['db/service/x.ts', "import '../../core/transfer/export';"],
  ['db/x.ts', "import './transfer/handlers';"],
];

describe('import layering (DESIGN §1)', () => {
  it.each(refused)('%s may not: %s', async (file, source) => {
    expect(await restricted(file, source)).toBe(1);
  });
  it.each(allowed)('%s may: %s', async (file, source) => {
    expect(await restricted(file, source)).toBe(0);
  });
});
