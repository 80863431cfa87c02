/** Menus derived from core's single definitions (issue 14.5): the claim list's sort orders, the search result groups. */
import { CLAIM_SORT_LABELS, CLAIM_SORTS, type ClaimSort } from '../../../core/claim-sorts';
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchKind } from '../../../core/types';

export const SORT_OPTIONS: { value: ClaimSort; label: string }[] = CLAIM_SORTS.map((value) => ({ value, label: CLAIM_SORT_LABELS[value] }));

export const SEARCH_GROUPS: { kind: SearchKind; label: string }[] = SEARCH_KINDS.map((kind) => ({ kind, label: SEARCH_KIND_LABELS[kind] }));
