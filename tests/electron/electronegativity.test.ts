import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

interface Allowed {
  check: string;
  file: string;
  why: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const allowlist = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')) as Allowed[];
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

function scan(): { check: string; file: string }[] {
  const out = join(tempDir(), 'electronegativity.sarif');
  const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const r = spawnSync(process.execPath, [cli, '-i', join(root, 'electron'), '-o', out, '-r', '-e', electronVersion], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`electronegativity failed (${r.status}): ${r.stderr}`);
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  return sarif.runs[0]!.results.map((f) => ({ check: f.ruleId, file: f.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '' }));
}

describe('Electronegativity over electron/', () => {
  it('has no unexplained findings, and no stale explanations', () => {
    const findings = scan();
    const explained = (f: { check: string; file: string }) => allowlist.some((a) => a.check === f.check && a.file === f.file);
    expect(findings.filter((f) => !explained(f))).toEqual([]);
    const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
    expect(stale).toEqual([]);
  });

  it('every allowlisted finding carries a written justification', () => {
    for (const a of allowlist) expect(a.why.length, a.check).toBeGreaterThan(60);
  });
});
