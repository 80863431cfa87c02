import type { ApiHandlers } from '../../core/api';
import { analystWarnings } from '../../core/claim-warnings';
import { newId } from '../../core/ids';
import { STATUSES_NEEDING_RATIONALE, type Claim, type ClaimDetail, type ClaimKind, type PossibleCopy } from '../../core/types';
import { invalid } from '../errors';
import { failedAssumptionsOfClaim } from '../repos/analysis';
import { claimIndex, claimRowById, insertClaim, listClaims, patchClaim, toClaim, type ClaimPatch } from '../repos/claims';
import { disputesForClaim } from '../repos/disputes';
import { evidenceForClaim } from '../repos/evidence';
import { linksOfClaim } from '../repos/links';
import { sourceTitle } from '../repos/sources';
import { setTags } from '../repos/tags';
import { diff, record, type Ctx } from './context';
import { refuseRestoreOfMerged } from './duplicates';
import { modelForClaim, recomputeClaim } from './recompute';

type H = Pick<
  ApiHandlers,
  | 'claims.create'
  | 'claims.update'
  | 'claims.setStatus'
  | 'claims.setOutcome'
  | 'claims.override'
  | 'claims.clearOverride'
  | 'claims.delete'
  | 'claims.restore'
  | 'claims.get'
  | 'claims.list'
  | 'claims.index'
>;

export function claimById(ctx: Ctx, id: string): Claim {
  return toClaim(ctx.db, claimRowById(ctx.db, id));
}

function liveClaimRow(ctx: Ctx, id: string) {
  const row = claimRowById(ctx.db, id);
  if (row.deleted_at) throw invalid(`claim ${id} is in the trash; restore it first`);
  return row;
}

/** A not-checkable claim must say why (the reason replaces the probability it does not carry). */
function checkKind(kind: ClaimKind, rationale: string | null | undefined): void {
  if (kind === 'not-checkable' && !rationale)
    throw invalid('kindRationale', 'a not-checkable claim needs a reason (why it cannot be checked)');
}

function snapshot(c: Claim) {
  const { evidenceCount: _e, openDisputes: _o, updatedAt: _u, ...rest } = c;
  return rest;
}

/** The model's undeclared copies, named by source. */
export function copiesOf(claimId: string, model: ClaimDetail['model'], titles: Map<string, string>): PossibleCopy[] {
  const item = new Map(model.items.map((i) => [i.evidenceId, i]));
  return model.possibleCopies.map((c) => {
    const me = item.get(c.evidenceId)!;
    const other = item.get(c.copyOf)!;
    return {
      evidenceId: c.evidenceId,
      claimId,
      sourceId: me.sourceId,
      sourceTitle: titles.get(me.sourceId) ?? me.sourceId,
      copyOfEvidenceId: c.copyOf,
      copyOfSourceId: other.sourceId,
      copyOfSourceTitle: titles.get(other.sourceId) ?? other.sourceId,
    };
  });
}

export function claimDetail(ctx: Ctx, id: string): ClaimDetail {
  const row = claimRowById(ctx.db, id);
  const claim = toClaim(ctx.db, row);
  const evidence = evidenceForClaim(ctx.db, row.rowid);
  const model = modelForClaim(ctx, row);
  const titles = originTitles(ctx, evidence);
  const possibleCopies = copiesOf(claim.id, model, titles);
  return {
    claim,
    evidence: evidence.map(({ originId: _o, ...e }) => e),
    disputes: disputesForClaim(ctx.db, row.rowid),
    links: linksOfClaim(ctx.db, row.rowid, row.id),
    model,
    warnings: analystWarnings({ claim, model, sourceTitles: titles, copies: possibleCopies, failedAssumptions: failedAssumptionsOfClaim(ctx.db, row.rowid) }),
    possibleCopies,
  };
}

function originTitles(ctx: Ctx, evidence: ReturnType<typeof evidenceForClaim>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of evidence) out.set(e.sourceId, e.source.title);
  for (const e of evidence) {
    if (!out.has(e.originId)) {
      out.set(e.originId, sourceTitle(ctx.db, { id: e.originId }) ?? e.originId);
    }
  }
  return out;
}

export function claimHandlers(ctx: Ctx): H {
  return {
    'claims.create': (input) => {
      if (input.status && STATUSES_NEEDING_RATIONALE.includes(input.status) && !input.statusRationale)
        throw invalid('statusRationale', `a claim marked ${input.status} needs a rationale`);
      checkKind(input.kind ?? 'fact', input.kindRationale);
      const id = newId();
      const at = ctx.now();
      const rowid = insertClaim(ctx.db, {
        id,
        text: input.text,
        claimant: input.claimant ?? null,
        claimedAt: input.claimedAt ?? null,
        context: input.context ?? null,
        status: input.status ?? 'unverified',
        statusRationale: input.statusRationale ?? null,
        kind: input.kind ?? 'fact',
        kindRationale: input.kindRationale ?? null,
        prior: input.prior ?? 0.5,
        notes: input.notes ?? '',
        quantity: input.quantity ?? null,
        at,
      });
      if (input.tags?.length) setTags(ctx.db, rowid, input.tags);
      recomputeClaim(ctx, rowid, 'claim created');
      const claim = claimById(ctx, id);
      record(ctx, { kind: 'claim.created', entityType: 'claim', entityId: id, claimId: id, payload: { after: snapshot(claim) } });
      return claim;
    },

    'claims.update': (input) => {
      const row = liveClaimRow(ctx, input.id);
      const before = toClaim(ctx.db, row);
      checkKind(input.kind ?? before.kind, input.kindRationale === undefined ? before.kindRationale : input.kindRationale);
      const patch: ClaimPatch = {
        kind: input.kind,
        kindRationale: input.kindRationale,
        text: input.text,
        claimant: input.claimant,
        claimedAt: input.claimedAt,
        context: input.context,
        prior: input.prior,
        notes: input.notes,
        reviewUrl: input.reviewUrl,
      };
      if (input.quantity !== undefined) {
        const q = input.quantity;
        Object.assign(patch, {
          qtyValue: q?.value ?? null,
          qtyUnit: q?.unit ?? null,
          qtyScope: q?.scope ?? null,
          qtyAsOf: q?.asOf ?? null,
        });
      }
      patchClaim(ctx.db, row.rowid, patch, ctx.now());
      if (input.tags) setTags(ctx.db, row.rowid, input.tags);
      const after = claimById(ctx, input.id);
      const changes = diff(snapshot(before), snapshot(after));
      if (Object.keys(changes.after).length)
        record(ctx, { kind: 'claim.updated', entityType: 'claim', entityId: row.id, claimId: row.id, payload: changes });
      if (input.prior !== undefined && input.prior !== before.prior)
        recomputeClaim(ctx, row.rowid, `prior changed from ${before.prior} to ${input.prior}`);
      else if (after.claimant !== before.claimant)
        // Which sources speak for the claimant (attribution) depends on who the claimant is.
        recomputeClaim(ctx, row.rowid, `claimant changed to ${after.claimant ?? 'nobody'}`);
      return claimById(ctx, input.id);
    },

    'claims.setStatus': (input) => {
      const row = liveClaimRow(ctx, input.id);
      if (STATUSES_NEEDING_RATIONALE.includes(input.status) && !input.rationale)
        throw invalid('rationale', `changing the status to ${input.status} needs a rationale`);
      if (input.outcome === 'true' && input.status !== 'supported')
        throw invalid('outcome', `a claim settled as true goes with the status supported, not ${input.status}`);
      if (input.outcome === 'false' && input.status !== 'refuted')
        throw invalid('outcome', `a claim settled as false goes with the status refuted, not ${input.status}`);
      // Without --outcome the outcome recorded apart (claims.setOutcome) stays as it is.
      const outcome = input.outcome === undefined ? row.outcome : input.outcome;
      const outcomeAt = outcome === row.outcome ? row.outcome_at : outcome === null ? null : ctx.now();
      const outcomeNote = outcome === row.outcome ? row.outcome_note : null;
      patchClaim(
        ctx.db,
        row.rowid,
        { status: input.status, statusRationale: input.rationale ?? null, outcome, outcomeAt, outcomeNote },
        ctx.now(),
      );
      record(ctx, {
        kind: 'claim.status',
        entityType: 'claim',
        entityId: row.id,
        claimId: row.id,
        payload: { before: { status: row.status, outcome: row.outcome }, after: { status: input.status, outcome } },
        rationale: input.rationale ?? null,
      });
      return claimById(ctx, input.id);
    },

    'claims.setOutcome': (input) => {
      const row = liveClaimRow(ctx, input.id);
      if (row.kind === 'not-checkable' && input.outcome !== null)
        throw invalid('outcome', `claim ${input.id} is not checkable, so it has no outcome; change its kind first`);
      const after = {
        outcome: input.outcome,
        outcomeAt: input.outcome === null ? null : (input.at ?? ctx.now()),
        outcomeNote: input.outcome === null ? null : (input.note ?? null),
      };
      patchClaim(ctx.db, row.rowid, after, ctx.now());
      record(ctx, {
        kind: 'claim.outcome',
        entityType: 'claim',
        entityId: row.id,
        claimId: row.id,
        payload: {
          before: { outcome: row.outcome, outcomeAt: row.outcome_at, outcomeNote: row.outcome_note },
          after,
          status: row.status,
        },
        rationale: input.note ?? null,
      });
      return claimById(ctx, input.id);
    },

    'claims.override': (input) => {
      const row = liveClaimRow(ctx, input.id);
      patchClaim(ctx.db, row.rowid, { overrideP: input.probability, overrideRationale: input.rationale }, ctx.now());
      record(ctx, {
        kind: 'claim.override',
        entityType: 'claim',
        entityId: row.id,
        claimId: row.id,
        payload: { before: { override: row.override_p }, after: { override: input.probability }, computed: row.computed_p },
        rationale: input.rationale,
      });
      recomputeClaim(ctx, row.rowid, 'analyst override set');
      return claimById(ctx, input.id);
    },

    'claims.clearOverride': (input) => {
      const row = liveClaimRow(ctx, input.id);
      if (row.override_p === null) throw invalid(`claim ${input.id} has no override to clear`);
      patchClaim(ctx.db, row.rowid, { overrideP: null, overrideRationale: null }, ctx.now());
      record(ctx, {
        kind: 'claim.override',
        entityType: 'claim',
        entityId: row.id,
        claimId: row.id,
        payload: { before: { override: row.override_p }, after: { override: null }, computed: row.computed_p },
        rationale: input.rationale,
      });
      recomputeClaim(ctx, row.rowid, 'analyst override cleared');
      return claimById(ctx, input.id);
    },

    'claims.delete': (input) => {
      const row = liveClaimRow(ctx, input.id);
      patchClaim(ctx.db, row.rowid, { deletedAt: ctx.now() }, ctx.now());
      record(ctx, { kind: 'claim.deleted', entityType: 'claim', entityId: row.id, claimId: row.id, payload: {}, rationale: input.rationale ?? null });
      return claimById(ctx, input.id);
    },

    'claims.restore': (input) => {
      const row = claimRowById(ctx.db, input.id);
      if (!row.deleted_at) throw invalid(`claim ${input.id} is not in the trash`);
      refuseRestoreOfMerged(ctx, 'claim', row.rowid, row.id);
      patchClaim(ctx.db, row.rowid, { deletedAt: null }, ctx.now());
      record(ctx, { kind: 'claim.restored', entityType: 'claim', entityId: row.id, claimId: row.id, payload: {} });
      return claimById(ctx, input.id);
    },

    'claims.get': (input) => claimDetail(ctx, input.id),
    'claims.list': (input) => listClaims(ctx.db, input),
    'claims.index': () => claimIndex(ctx.db),
  };
}
