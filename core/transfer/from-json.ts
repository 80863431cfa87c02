/** ClaimTrail JSON → bundle. Records keep their ids; references use them as keys. */
import { z } from 'zod';
import { caseTitle, settingsInput } from '../contract/case';
import { addIssue, checkRecord, full, type IssueSink } from './check';
import { briefingRecord, captureRecord, claimRecord, disputeRecord, evidenceRecord, linkRecord, sourceRecord } from './schemas';
import { quickClaim, quickEvidence } from './quick-records';
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

type Section = 'claims' | 'sources' | 'evidence' | 'disputes' | 'links' | 'briefings' | 'captures';

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

/** Well-formed claims and evidence (most of a large file) take the quick exact check; the rest, and every message, zod. */
export function parseClaimTrailJson(content: string, sink: IssueSink): { bundle: Bundle; records: number } {
  const bundle = emptyBundle();
  const doc = parseJsonText(content, sink);
  if (doc === undefined) return { bundle, records: 0 };
  if (!isObject(doc) || doc.format !== JSON_FORMAT) {
    addIssue(sink, { record: 'document' }, 'format', `is not a ClaimTrail case export (expected "format": "${JSON_FORMAT}")`);
    return { bundle, records: 0 };
  }
  if (typeof doc.version !== 'number' || doc.version > JSON_VERSION || doc.version < 1) {
    addIssue(sink, { record: 'document' }, 'version', `version ${String(doc.version)} is not one this app reads (1–${JSON_VERSION}); a newer ClaimTrail wrote it`);
    return { bundle, records: 0 };
  }
  const meta = checkRecord(caseMetaSchema, isObject(doc.case) ? doc.case : {}, { record: 'case' }, sink);
  if (meta) bundle.caseMeta = { title: meta.title, ...meta.settings };
  let records = 0;
  const each = (name: Section, fn: (r: Record<string, unknown>, where: { record: string; line: undefined }) => void) => {
    section(doc, name, sink).forEach((r, i) => {
      if (full(sink)) return;
      records++;
      fn(r, { record: `${name}[${i}]`, line: undefined });
    });
  };
  each('claims', (r, where) => {
    const rec = withRefs(r, where, { key: r.id });
    const c = quickClaim(rec) ?? checkRecord(claimRecord, rec, where, sink, asFileField);
    if (c) bundle.claims.push(c);
  });
  each('sources', (r, where) => {
    const s = checkRecord(sourceRecord, withRefs(r, where, { key: r.id, derivedFromKey: r.derivedFromId }), where, sink, asFileField);
    if (s) bundle.sources.push(s);
  });
  each('evidence', (r, where) => {
    const rec = withRefs(r, where, { key: r.id, claimKey: r.claimId, sourceKey: r.sourceId });
    const e = quickEvidence(rec) ?? checkRecord(evidenceRecord, rec, where, sink, asFileField);
    if (e) bundle.evidence.push(e);
  });
  each('disputes', (r, where) => {
    const d = checkRecord(disputeRecord, withRefs(r, where, { key: r.id, claimKey: r.claimId, evidenceKeys: r.evidenceIds }), where, sink, asFileField);
    if (d) bundle.disputes.push(d);
  });
  each('links', (r, where) => {
    const l = checkRecord(linkRecord, withRefs(r, where, { fromKey: r.fromId, toKey: r.toId }), where, sink, asFileField);
    if (l) bundle.links.push(l);
  });
  each('briefings', (r, where) => {
    const b = checkRecord(briefingRecord, withRefs(r, where, {}), where, sink);
    if (b) bundle.briefings.push(b);
  });
  each('captures', (r, where) => {
    const c = checkRecord(captureRecord, withRefs(r, where, { sourceKey: r.sourceId }), where, sink, asFileField);
    if (c) (bundle.captures ??= []).push(c);
  });
  if (!records && !sink.issues.length) addIssue(sink, { record: 'document' }, 'claims', 'the file holds no records');
  return { bundle, records };
}
