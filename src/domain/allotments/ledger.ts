// The allotment's columns and what a creation costs. Pure.

export type Unit = 'response' | 'cohort';

export interface LedgerColumns {
  allocated: number;
  invited: number;
  used: number;
  unexpired: number;
  expired: number;
}

/** Available = Allocated − Used (completed) − Unexpired (open invitations). */
export const available = (c: LedgerColumns) => c.allocated - c.used - c.unexpired;

export const unitOf = (pricingByCohort: boolean): Unit => (pricingByCohort ? 'cohort' : 'response');

export type CreationKind = 'response' | 'cohort';

/** A movement of an allotment's columns, as its ledger entries name it (GET …/entries). */
export const ENTRY_KINDS = ['allocation', 'reservation', 'completion', 'expiry', 'refund', 'dispute'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * What a reservation was for: responses by the way they came (their `source`), or a cohort,
 * counted when it was created or, if made before its organization was metered, at its first use.
 */
export const ENTRY_SOURCES = ['manual', 'bulk', 'cohort', 'share_link', 'cohort_created', 'cohort_first_use'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/**
 * Units a creation holds: responses cost one each when the assessment counts responses;
 * a cohort costs one when it counts cohorts (and its responses then cost nothing).
 */
export function unitsFor(kind: CreationKind, count: number, unit: Unit): number {
  return kind === unit ? count : 0;
}
