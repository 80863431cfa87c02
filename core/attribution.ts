/**
 * Attribution is not corroboration (docs/confidence.md): a source that speaks for the claimant,
 * or one that derives from such a source, shows that the claim was made, not that it is true.
 */
import type { Attribution } from './confidence';

/** One form of a party's name: NFKC, case-folded, without diacritics, punctuation or extra spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The names a `speaksFor` value lists (separated by ";"), normalized; empty ones dropped. */
export function speakerNames(speaksFor: string | null | undefined): string[] {
  return (speaksFor ?? '').split(';').map(normalizeName).filter(Boolean);
}

/** True when one of the names is the claimant (normalized, case-insensitive). */
export function speaksForClaimant(speaksFor: string | null | undefined, claimant: string | null | undefined): boolean {
  const who = normalizeName(claimant ?? '');
  return who !== '' && speakerNames(speaksFor).includes(who);
}

/**
 * Why an item is attribution, or null: its own source speaks for the claimant, a source it derives
 * from does (`lineageSpeakers`: speaksFor of each ancestor, nearest first), or the analyst marked it.
 */
export function attributionOf(
  claimant: string | null,
  ownSpeaksFor: string | null,
  lineageSpeakers: readonly (string | null)[],
  marked: boolean,
): Attribution | null {
  if (speaksForClaimant(ownSpeaksFor, claimant)) return 'speaks-for';
  if (lineageSpeakers.some((s) => speaksForClaimant(s, claimant))) return 'derived-from-speaker';
  return marked ? 'marked' : null;
}
