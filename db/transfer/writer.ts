/**
 * The import's writer, fed a section at a time (a bundle held in memory) or a batch at a time (a
 * streamed JSON file: db/transfer/stream.ts): what it has resolved and written lives in its
 * ImportState, so a batch can refer to any record written before it. Full-text triggers are dropped
 * once more than BULK_FTS_ROWS records have been announced (db/transfer/fts.ts), so a stream that
 * does not know its size indexes in bulk as soon as it is large.
 */
import type { BundleClaim, BundleEvidence, Bundle } from '../../core/transfer/types';
import type { Ctx } from '../service/context';
import { applyClaims, applySources, type CreatedClaim } from './apply-entities';
import { applyBriefings, applyDisputes, applyIndependence, applyLinks, writeEvidence } from './apply-links';
import { applyCaptures, type ImportedCapture } from './captures';
import { foldRepeatedClaims } from './fold-repeats';
import { beginBulkFts, BULK_FTS_ROWS, type BulkFts } from './fts';
import { tagWriter, type TagWriter } from './insert';
import { ImportState } from './state';

/** A claim this import created, kept as its JSON text until its history event is written (a third of the object's memory). */
interface KeptClaim {
  json: string;
  ref: CreatedClaim['ref'];
}

export class ImportWriter {
  readonly state: ImportState;
  private readonly kept: KeptClaim[] = [];
  readonly createdSourceIds: string[] = [];
  readonly captures: ImportedCapture[] = [];
  /** Whether the case held no claims and no sources before (only then does the file's title and settings apply). */
  readonly empty: boolean;
  bulk: BulkFts | null = null;
  private announced = 0;
  private bulkDecided = false;
  private tags: TagWriter | null = null;
  /** Evidence items that declare independent pairs: linked once every item has its row. */
  private readonly independent: BundleEvidence[] = [];

  constructor(
    private readonly ctx: Ctx,
    fileName: string,
    private readonly tick: () => void,
    private readonly notices: string[],
  ) {
    this.state = new ImportState(ctx.db, fileName, 0);
    this.empty = this.state.claimById.size === 0 && this.state.sourceById.size === 0;
  }

  /** `n` more records are about to be written; call before writing them. */
  announce(n: number): void {
    this.announced += n;
    if (this.bulkDecided || this.announced <= BULK_FTS_ROWS) return;
    this.bulkDecided = true;
    this.bulk = beginBulkFts(this.ctx.db);
  }

  sources(items: Bundle['sources']): void {
    this.createdSourceIds.push(...applySources(this.ctx, this.state, items, this.tick));
  }

  capturesOf(items: NonNullable<Bundle['captures']>): void {
    this.captures.push(...applyCaptures(this.ctx, this.state, items, this.tick, this.notices));
  }

  /** A whole claims section (repeated claims fold into their first: db/transfer/fold-repeats.ts). */
  claims(items: BundleClaim[]): void {
    this.tags ??= tagWriter(this.ctx.db);
    for (const { claim, ref } of applyClaims(this.ctx, this.state, foldRepeatedClaims(items), this.tick, this.tags))
      this.kept.push({ json: JSON.stringify(claim), ref });
  }

  /**
   * The created claims in order, each read back from its JSON text (the same fields: the history's
   * canonical JSON drops undefined ones and JSON keeps every number exactly), let go as they are read.
   */
  *created(): Generator<CreatedClaim> {
    for (let i = 0; i < this.kept.length; i++) {
      const k = this.kept[i]!;
      this.kept[i] = null as never;
      yield { claim: JSON.parse(k.json) as BundleClaim, ref: k.ref };
    }
    this.kept.length = 0;
  }

  /** A batch of evidence; call independence() after the last. */
  evidence(items: Bundle['evidence']): void {
    writeEvidence(this.ctx, this.state, items, this.tick);
    for (const e of items) if (e.independentOf?.length) this.independent.push(e);
  }

  independence(): void {
    applyIndependence(this.ctx, this.state, this.independent);
    this.independent.length = 0;
  }

  disputes(items: Bundle['disputes']): void {
    applyDisputes(this.ctx, this.state, items, this.tick);
  }

  links(items: Bundle['links']): void {
    applyLinks(this.ctx, this.state, items, this.tick);
  }

  briefings(items: Bundle['briefings']): void {
    applyBriefings(this.ctx, this.state, items, this.tick);
  }
}
