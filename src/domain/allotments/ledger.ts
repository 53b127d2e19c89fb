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

/**
 * Units a creation holds: responses cost one each when the assessment counts responses;
 * a cohort costs one when it counts cohorts (and its responses then cost nothing).
 */
export function unitsFor(kind: CreationKind, count: number, unit: Unit): number {
  return kind === unit ? count : 0;
}
