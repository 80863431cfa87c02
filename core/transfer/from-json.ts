/** ClaimTrail JSON → bundle. Records keep their ids; references use them as keys. */
import { z } from 'zod';
import { caseTitle, settingsInput } from '../contract/case';
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { briefingRecord, captureRecord, claimRecord, disputeRecord, evidenceRecord, linkRecord, sourceRecord } from './schemas';
import { quickClaim, quickEvidence } from './quick-records';
import { JsonSectionReader, JsonSyntaxError } from './json-sections';
import { JSON_FORMAT, JSON_VERSION } from './snapshot';
import { emptyBundle, type Bundle } from './types';

/** JSON.parse with the line of a syntax error. */
export function parseJsonText(content: string, sink: IssueSink): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? content.slice(0, Number(pos[1])).split('\n').length : undefined;
    addIssue(sink, line === undefined ? {} : { line }, 'file', `is not valid JSON: ${msg.slice(0, 200)}`);
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function section(doc: Record<string, unknown>, name: Section, sink: IssueSink): Record<string, unknown>[] {
  const v = doc[name];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    addIssue(sink, { record: name }, name, 'must be a list');
    return [];
  }
  return v.map((item, i) => {
    if (!isObject(item)) addIssue(sink, { record: `${name}[${i}]` }, 'record', 'must be an object');
    return isObject(item) ? item : {};
  });
}

/** Field names as the file spells them (bundle keys are the file's ids). */
const asFileField = (p: string) => (p === 'key' ? 'id' : p.replace(/Keys\b/, 'Ids').replace(/Key\b/, 'Id'));

/** The case's title and settings, checked exactly as the API checks them (settings.update). */
const caseMetaSchema = z.object({ title: caseTitle.default(null), settings: settingsInput.default({}) });

/**
 * The record with its bundle references and its place in the file, set on the parsed object itself
 * (it is this parse's own copy): spreading every record into a new object cost more than validating it.
 */
function withRefs(r: Record<string, unknown>, where: { record: string; line: undefined }, refs: Record<string, unknown>): Record<string, unknown> {
  for (const k in refs) r[k] = refs[k];
  r.record = where.record;
  r.line = where.line;
  return r;
}

/** The arrays of a case export, in the order the export writes them. */
export const JSON_SECTIONS = ['claims', 'sources', 'evidence', 'disputes', 'links', 'briefings', 'captures'] as const;
export type Section = (typeof JSON_SECTIONS)[number];

/** What each section's records become in the bundle. */
export interface SectionRecord {
  claims: Bundle['claims'][number];
  sources: Bundle['sources'][number];
  evidence: Bundle['evidence'][number];
  disputes: Bundle['disputes'][number];
  links: Bundle['links'][number];
  briefings: Bundle['briefings'][number];
  captures: NonNullable<Bundle['captures']>[number];
}
export type AnyRecord = SectionRecord[Section];

type Where = { record: string; line: undefined };

/** One record of a section, checked: its bundle form, or null (its issues in the sink). */
function checkItem(name: Section, r: Record<string, unknown>, where: Where, sink: IssueSink): AnyRecord | null {
  switch (name) {
    case 'claims': {
      const rec = withRefs(r, where, { key: r.id });
      return quickClaim(rec) ?? checkRecord(claimRecord, rec, where, sink, asFileField);
    }
    case 'sources':
      return checkRecord(sourceRecord, withRefs(r, where, { key: r.id, derivedFromKey: r.derivedFromId }), where, sink, asFileField);
    case 'evidence': {
      const rec = withRefs(r, where, { key: r.id, claimKey: r.claimId, sourceKey: r.sourceId });
      return quickEvidence(rec) ?? checkRecord(evidenceRecord, rec, where, sink, asFileField);
    }
    case 'disputes':
      return checkRecord(disputeRecord, withRefs(r, where, { key: r.id, claimKey: r.claimId, evidenceKeys: r.evidenceIds }), where, sink, asFileField);
    case 'links':
      return checkRecord(linkRecord, withRefs(r, where, { fromKey: r.fromId, toKey: r.toId }), where, sink, asFileField);
    case 'briefings':
      return checkRecord(briefingRecord, withRefs(r, where, {}), where, sink);
    case 'captures':
      return checkRecord(captureRecord, withRefs(r, where, { sourceKey: r.sourceId }), where, sink, asFileField);
  }
}

function addTo(bundle: Bundle, name: Section, rec: AnyRecord): void {
  if (name === 'captures') (bundle.captures ??= []).push(rec as SectionRecord['captures']);
  else (bundle[name] as AnyRecord[]).push(rec);
}

/** The document's header: the format and version it claims, checked as the whole-file reader checks them. */
function headerIssue(doc: Record<string, unknown>, sink: IssueSink): boolean {
  if (doc.format !== JSON_FORMAT) {
    addIssue(sink, { record: 'document' }, 'format', `is not a ClaimTrail case export (expected "format": "${JSON_FORMAT}")`);
    return true;
  }
  if (typeof doc.version !== 'number' || doc.version > JSON_VERSION || doc.version < 1) {
    addIssue(sink, { record: 'document' }, 'version', `version ${String(doc.version)} is not one this app reads (1–${JSON_VERSION}); a newer ClaimTrail wrote it`);
    return true;
  }
  return false;
}

const checkMeta = (c: unknown, sink: IssueSink) => {
  const meta = checkRecord(caseMetaSchema, isObject(c) ? c : {}, { record: 'case' }, sink);
  return meta ? { title: meta.title, ...meta.settings } : undefined;
};

const noRecords = (sink: IssueSink) => addIssue(sink, { record: 'document' }, 'claims', 'the file holds no records');

/** Well-formed claims and evidence (most of a large file) take the quick exact check; the rest, and every message, zod. */
export function parseClaimTrailJson(content: string, sink: IssueSink): { bundle: Bundle; records: number } {
  const bundle = emptyBundle();
  const doc = parseJsonText(content, sink);
  if (doc === undefined) return { bundle, records: 0 };
  if (!isObject(doc)) {
    addIssue(sink, { record: 'document' }, 'format', `is not a ClaimTrail case export (expected "format": "${JSON_FORMAT}")`);
    return { bundle, records: 0 };
  }
  if (headerIssue(doc, sink)) return { bundle, records: 0 };
  const meta = checkMeta(doc.case, sink);
  if (meta) bundle.caseMeta = meta;
  let records = 0;
  for (const name of JSON_SECTIONS) {
    section(doc, name, sink).forEach((r, i) => {
      if (full(sink)) return;
      records++;
      const where = { record: `${name}[${i}]`, line: undefined };
      const rec = checkItem(name, r, where, sink);
      if (rec) addTo(bundle, name, rec);
    });
  }
  if (!records && !sink.issues.length) noRecords(sink);
  return { bundle, records };
}

/** Where the records of a streamed ClaimTrail JSON file go, checked, in file order. */
export interface RecordSink {
  sectionStart(name: Section): void;
  record<S extends Section>(name: S, rec: SectionRecord[S]): void;
  sectionEnd(name: Section): void;
}

/**
 * The same reading as parseClaimTrailJson, by chunks (docs/performance.md, "Streaming import"): each
 * record is checked and handed to `out` as soon as it is read, and nothing of it is kept here. The
 * issues are the same as the whole-file reader's: a syntax error anywhere replaces every other issue
 * (the whole-file reader finds it first); a wrong format or version stops the checking of records.
 * Records read before the header (a hand-edited file with "format" last) wait for it.
 */
export class ClaimTrailJsonStream {
  records = 0;
  caseMeta: Bundle['caseMeta'];
  private header: 'unknown' | 'ok' | 'bad' = 'unknown';
  private readonly doc: Record<string, unknown> = {};
  private waiting: (() => void)[] = [];
  private readonly sections = new Set<string>();
  private readonly reader: JsonSectionReader;
  private broken = false;
  private readLine = 1;

  constructor(
    readonly sink: IssueSink,
    private readonly out: RecordSink,
  ) {
    this.reader = new JsonSectionReader(new Set(JSON_SECTIONS), {
      member: (name, value) => this.member(name, value),
      sectionStart: (name) => this.whenHeader(() => this.sectionStart(name as Section)),
      item: (name, i, value) => this.whenHeader(() => this.item(name as Section, i, value)),
      sectionEnd: (name) => this.whenHeader(() => this.out.sectionEnd(name as Section)),
    });
  }

  /** True once the file is refused (an issue was found): the caller stops writing. */
  get failed(): boolean {
    return this.sink.issues.length > 0;
  }

  push(chunk: string): void {
    if (this.broken) return;
    const nul = chunk.indexOf('\u0000');
    if (nul >= 0) {
      const line = this.readLine + (chunk.slice(0, nul).match(/\n/g)?.length ?? 0);
      return this.syntax(line, 'file', 'contains NUL bytes: it is a binary file or not UTF-8 text (UTF-16 files need a byte-order mark)');
    }
    this.readLine += chunk.match(/\n/g)?.length ?? 0;
    this.guard(() => this.reader.push(chunk));
  }

  end(): void {
    if (this.broken) return;
    if (!this.reader.started) return this.syntax(undefined, 'file', 'is empty');
    this.guard(() => this.reader.end());
    if (this.broken) return;
    this.resolveHeader(true);
    if (this.header !== 'ok') return;
    if (!('case' in this.doc)) this.caseMeta = checkMeta(undefined, this.sink);
    if (!this.records && !this.sink.issues.length) noRecords(this.sink);
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      this.syntax(e.line, 'file', `is not valid JSON: ${e.message}`, e.record);
    }
  }

  /** A file that does not read: this one issue, as the whole-file reader gives it, and nothing else. */
  private syntax(line: number | undefined, field: string, message: string, record?: string): void {
    this.broken = true;
    this.waiting = [];
    this.sink.issues.length = 0;
    addIssue(this.sink, { ...(line === undefined ? {} : { line }), ...(record ? { record } : {}) }, field, message);
  }

  private member(name: string, value: unknown): void {
    if (name in this.doc && (JSON_SECTIONS as readonly string[]).includes(name)) this.twice(name);
    this.doc[name] = (JSON_SECTIONS as readonly string[]).includes(name) ? true : value;
    if ((JSON_SECTIONS as readonly string[]).includes(name))
      this.whenHeader(() => addIssue(this.sink, { record: name }, name, 'must be a list'));
    else if (name === 'case') this.whenHeader(() => (this.caseMeta = checkMeta(value, this.sink)));
    this.resolveHeader(false);
  }

  private twice(name: string): void {
    this.whenHeader(() => addIssue(this.sink, { record: name }, name, 'appears twice in the file'));
  }

  private sectionStart(name: Section): void {
    if (this.sections.has(name) || name in this.doc) this.twice(name);
    this.sections.add(name);
    this.doc[name] = true;
    this.out.sectionStart(name);
  }

  private item(name: Section, i: number, value: unknown): void {
    if (!isObject(value)) addIssue(this.sink, { record: `${name}[${i}]` }, 'record', 'must be an object');
    if (full(this.sink)) return;
    this.records++;
    const rec = checkItem(name, isObject(value) ? value : {}, { record: `${name}[${i}]`, line: undefined }, this.sink);
    if (rec && !this.failed) this.out.record(name, rec);
  }

  /** Runs `fn` now when the header is good, later when it is not known yet, never when it is bad. */
  private whenHeader(fn: () => void): void {
    if (this.header === 'ok') fn();
    else if (this.header === 'unknown') this.waiting.push(fn);
  }

  private resolveHeader(atEnd: boolean): void {
    if (this.header !== 'unknown') return;
    const known = 'format' in this.doc && (this.doc.format !== JSON_FORMAT || 'version' in this.doc);
    if (!known && !atEnd) return;
    if (headerIssue(this.doc, this.sink)) {
      this.header = 'bad';
      this.waiting = [];
      return;
    }
    this.header = 'ok';
    const waiting = this.waiting;
    this.waiting = [];
    for (const fn of waiting) fn();
  }
}
