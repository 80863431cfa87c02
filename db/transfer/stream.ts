/**
 * The streaming JSON import (docs/performance.md, "Streaming import"): the file's text arrives in
 * chunks, ClaimTrailJsonStream checks each record as it is read, and the records go to the writer in
 * batches inside the import's one transaction (db/transfer/apply.ts runImport), so a failed, refused
 * or killed import changes nothing, and a dry run streams the same way before it rolls back.
 *
 * What is held: the claims and sources sections until the first evidence (they are small beside the
 * evidence, and the claims are kept for their history events anyway), then batches of
 * EVIDENCE_BATCH items. A section that comes before what it refers to (evidence ahead of the claims
 * in a hand-made file) is held until the end of the file and written in the usual order.
 */
import { createHash } from 'node:crypto';
import { newSink } from '../../core/transfer/check';
import { stripBom } from '../../core/transfer/decode';
import { ClaimTrailJsonStream, type RecordSink, type Section, type SectionRecord } from '../../core/transfer/from-json';
import type { ImportReport } from '../../core/transfer/types';
import type { Ctx } from '../service/context';
import { runImport } from './apply';
import type { ImportWriter } from './writer';

/** Evidence items written per batch while streaming. */
export const EVIDENCE_BATCH = 2000;
/** Characters per chunk when a text that is already in memory is streamed. */
export const TEXT_CHUNK = 1 << 20;

/** The order the writer needs: a section only refers to sections before it. */
const ORDER: readonly Section[] = ['sources', 'captures', 'claims', 'evidence', 'disputes', 'links', 'briefings'];

type Held = { [S in Section]: SectionRecord[S][] };

class Feed implements RecordSink {
  private readonly held: Held = { claims: [], sources: [], evidence: [], disputes: [], links: [], briefings: [], captures: [] };
  private readonly ended = new Set<Section>();
  private streaming = false;

  constructor(
    private readonly w: ImportWriter,
    private readonly stopped: () => boolean,
  ) {}

  sectionStart(name: Section): void {
    // Evidence streams once the claims and sources it refers to are all read (the export's order).
    if (name !== 'evidence' || !this.ended.has('claims') || !this.ended.has('sources')) return;
    for (const s of ORDER.slice(0, ORDER.indexOf('evidence'))) this.write(s);
    this.streaming = true;
  }

  record<S extends Section>(name: S, rec: SectionRecord[S]): void {
    this.held[name].push(rec);
    if (this.streaming && name === 'evidence' && this.held.evidence.length >= EVIDENCE_BATCH) this.write('evidence');
  }

  sectionEnd(name: Section): void {
    this.ended.add(name);
    if (name === 'evidence' && this.streaming) {
      this.write('evidence');
      this.streaming = false;
    }
  }

  /** The end of the file: what is still held, in the writer's order. */
  finish(): void {
    for (const s of ORDER) {
      this.write(s);
      if (s === 'evidence' && !this.stopped()) this.w.independence();
    }
  }

  private write(s: Section): void {
    const items = this.held[s];
    if (!items.length) return;
    this.held[s] = [] as never;
    if (this.stopped()) return;
    const w = this.w;
    w.announce(items.length);
    if (s === 'sources') w.sources(items as Held['sources']);
    else if (s === 'captures') w.capturesOf(items as Held['captures']);
    else if (s === 'claims') w.claims(items as Held['claims']);
    else if (s === 'evidence') w.evidence(items as Held['evidence']);
    else if (s === 'disputes') w.disputes(items as Held['disputes']);
    else if (s === 'links') w.links(items as Held['links']);
    else w.briefings(items as Held['briefings']);
  }
}

export interface JsonStreamInput {
  /** The file's text, in chunks of any size (a leading BOM is skipped). */
  chunks: Iterable<string>;
  fileName: string;
  dryRun: boolean;
  /** The import options as given (recorded in the history with the file's SHA-256). */
  options?: Record<string, unknown>;
}

/** Imports a ClaimTrail JSON file read chunk by chunk: all of it or nothing, in one transaction. */
export function importJsonStream(ctx: Ctx, input: JsonStreamInput): ImportReport {
  const run = { dryRun: input.dryRun, fileName: input.fileName, format: 'json' as const, notices: [], options: input.options ?? {} };
  return runImport(ctx, run, (w) => {
    const hash = createHash('sha256');
    const sink = newSink(input.fileName || 'input');
    const feed = new Feed(w, () => sink.issues.length > 0);
    const parser = new ClaimTrailJsonStream(sink, feed);
    let first = true;
    for (const chunk of input.chunks) {
      hash.update(chunk);
      parser.push(first ? stripBom(chunk) : chunk);
      first = false;
    }
    parser.end();
    if (!parser.failed) feed.finish();
    return { records: parser.records, issues: parser.sink.issues, caseMeta: parser.caseMeta, sha256: () => hash.digest('hex') };
  });
}

/** A text already in memory (the contract's `content`), in chunks. */
export function* textChunks(text: string, size = TEXT_CHUNK): Generator<string> {
  let i = 0;
  while (i < text.length) {
    // Never split a surrogate pair: the hash of the chunks must be the hash of the text.
    let end = Math.min(text.length, i + size);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end++;
    yield text.slice(i, end);
    i = end;
  }
}
