import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseError } from '../../../db/errors';
import { tempCase } from '../../helpers';

// The LIAR data stays where it is (research use only); the tests read it in place.
const LIAR = join(__dirname, '../../../../shared/data/liar/train.tsv');
const MAP = '1=ref,2=label,3=text,4=tags,5=claimant,14=context';
const liar500 = `${readFileSync(LIAR, 'utf8').split('\n').slice(0, 500).join('\n')}\n`;

const input = (content: string) => ({ format: 'tsv' as const, content, fileName: 'liar.tsv', header: false, map: MAP });

function counts(api: ReturnType<typeof tempCase>['api']) {
  const c = api.invoke('case.info', {}).counts;
  return { claims: c.claims, events: c.events };
}

describe('TSV import (LIAR)', () => {
  it('imports 500 statements with speaker, subjects, context and label → status with a rationale and prior', () => {
    const t = tempCase();
    const r = t.api.invoke('transfer.import', input(liar500));
    expect(r.ok).toBe(true);
    expect(r.counts.records).toBe(500);
    expect(r.counts.claims + r.counts.duplicatesSkipped.claims).toBe(500);
    const page = t.api.invoke('claims.list', { limit: 1000, sort: 'created', direction: 'asc' });
    expect(page.total).toBe(r.counts.claims);
    const first = t.api.invoke('claims.get', { id: page.items[0]!.id }).claim;
    expect(first.text).toBe('Says the Annies List political group supports third-trimester abortions on demand.');
    expect(first.claimant).toBe('dwayne-bohac');
    expect(first.tags).toEqual(['abortion']);
    expect(first.context).toBe('a mailer');
    expect(first.status).toBe('refuted');
    expect(first.statusRationale).toBe('Imported label: false');
    expect(first.prior).toBe(0.1);
    expect(first.notes).toBe('Ref: 2635.json');
    const quoted = page.items.find((c) => c.text.startsWith('Hillary Clinton agrees with John McCain "by voting'))!;
    expect(quoted.text).toBe('Hillary Clinton agrees with John McCain "by voting to give George Bush the benefit of the doubt on Iran."');
    expect(t.api.invoke('history.verify', {}).ok).toBe(true);
    const summary = t.api.invoke('history.recent', { limit: 1 })[0]!;
    expect(summary.kind).toBe('import.applied');
  });

  it('refuses the whole file when one line has the wrong column count or an invalid label, naming the line; the case is unchanged', () => {
    const t = tempCase({ sample: true });
    const before = counts(t.api);
    const wrongWidth = `${liar500}9999.json\tfalse\tA short row\n`;
    const r1 = t.api.invoke('transfer.import', input(wrongWidth));
    expect(r1.ok).toBe(false);
    expect(r1.errors[0]).toMatchObject({ file: 'liar.tsv', line: 501, field: 'row' });
    expect(r1.errors[0]!.message).toMatch(/has 3 fields, expected 14/);
    const lines = liar500.split('\n');
    lines[249] = lines[249]!.replace(/^([^\t]*)\t[^\t]*\t/, '$1\tsorta-true\t');
    const r2 = t.api.invoke('transfer.import', input(lines.join('\n')));
    expect(r2.ok).toBe(false);
    expect(r2.errors).toHaveLength(1);
    expect(r2.errors[0]).toMatchObject({ line: 250, field: 'label (column 2)' });
    expect(r2.errors[0]!.message).toMatch(/unknown label "sorta-true"/);
    expect(counts(t.api)).toEqual(before);
  });

  it('custom labels extend the map; a dry run counts exactly and writes nothing', () => {
    const t = tempCase();
    const lines = liar500.split('\n');
    lines[9] = lines[9]!.replace(/^([^\t]*)\t[^\t]*\t/, '$1\tsorta-true\t');
    const content = lines.join('\n');
    const dry = t.api.invoke('transfer.dryRun', { ...input(content), labels: 'sorta-true=mixed:0.45' });
    expect(dry).toMatchObject({ ok: true, dryRun: true });
    expect(counts(t.api)).toEqual({ claims: 0, events: 0 });
    const real = t.api.invoke('transfer.import', { ...input(content), labels: 'sorta-true=mixed:0.45' });
    expect(real.counts).toEqual(dry.counts);
    const c = t.api.invoke('claims.list', { limit: 20, sort: 'created', direction: 'asc' }).items[9]!;
    expect(t.api.invoke('claims.get', { id: c.id }).claim).toMatchObject({ status: 'mixed', prior: 0.45 });
  });

  it('reports duplicates within one file and against the case, never doubling them', () => {
    const t = tempCase();
    const head = liar500.split('\n').slice(0, 10).join('\n');
    const r = t.api.invoke('transfer.import', input(`${head}\n${head}\n`));
    expect(r.counts.claims).toBe(10);
    expect(r.counts.duplicatesSkipped.claims).toBe(10);
    expect(r.duplicates[0]).toMatchObject({ kind: "claim", line: 11 });
    expect(r.duplicates[0]!.of).toMatch(/same text and claimant as line 1\)$/);
    const again = t.api.invoke('transfer.import', input(head));
    expect(again.counts).toMatchObject({ claims: 0, duplicatesSkipped: { claims: 10 } });
    expect(counts(t.api).claims).toBe(10);
  });

  it('reports progress and can be cancelled part-way: nothing is written', () => {
    const seen: number[] = [];
    let cancel = false;
    const t = tempCase({
      onProgress: (done) => {
        seen.push(done);
        if (done >= 250) cancel = true;
      },
      isCancelled: () => cancel,
    });
    expect(() => t.api.invoke('transfer.import', input(liar500))).toThrow(CaseError);
    try {
      t.api.invoke('transfer.import', input(liar500));
    } catch (e) {
      expect((e as CaseError).code).toBe('cancelled');
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(counts(t.api)).toEqual({ claims: 0, events: 0 });
    cancel = false;
    const t2 = tempCase({ onProgress: (done, total) => seen.push(done / total) });
    t2.api.invoke('transfer.import', input(liar500));
    expect(seen.at(-1)).toBe(1);
  });

  it('imports the full LIAR training set: every one of its 10,269 rows is a claim or a reported duplicate', () => {
    const content = readFileSync(LIAR, 'utf8');
    const rows = content.split('\n').filter((l) => l.length > 0).length;
    expect(rows).toBe(10_269);
    const t = tempCase();
    const r = t.api.invoke('transfer.import', input(content));
    expect(r.ok).toBe(true);
    expect(r.counts.records).toBe(rows);
    expect(r.counts.claims).toBe(10_264);
    expect(r.counts.duplicatesSkipped.claims).toBe(5);
    expect(t.api.invoke('case.info', {}).counts.claims).toBe(10_264);
    expect(t.api.invoke('history.verify', {}).ok).toBe(true);
    expect(t.api.invoke('claims.list', { status: ['refuted'], limit: 1 }).total).toBeGreaterThan(2_000);
    // Nothing of the repeated rows is lost: each repeat's reference and rating is on the first claim.
    const lines = content.split('\n');
    for (const d of r.duplicates.filter((x) => x.kind === 'claim')) {
      const line = lines[d.line! - 1]!.split('\t');
      const hit = t.api.invoke('search.query', { q: `"${line[0]!.replace('.json', '')}"`, kinds: ['claims'] }).groups.claims;
      expect(hit, `line ${d.line}`).toHaveLength(1);
      const claim = t.api.invoke('claims.get', { id: hit[0]!.id }).claim;
      expect(claim.notes).toContain(`Repeated at line ${d.line}: Ref: ${line[0]}`);
      expect(claim.text).toBe(line[2]!.trim());
    }
  });
});
