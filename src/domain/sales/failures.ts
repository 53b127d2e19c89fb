// Why the sale's workflow, its activities and its services refuse something: the types of the
// ApplicationFailures the sale's updates and activities fail with. Running workflows' histories
// hold these values, so they never change. The first three are also ErrorCodes (src/errors.ts):
// the API answers them as problems of the same code.

export const SaleFailure = {
  INVALID_STATE: 'INVALID_STATE',
  SEATS_EXHAUSTED: 'SEATS_EXHAUSTED',
  NOT_FOUND: 'NOT_FOUND',
  /** The run is continuing as new: send the launch again, it lands on the next run. */
  SALE_BUSY: 'SALE_BUSY',
} as const;

export type SaleFailureType = (typeof SaleFailure)[keyof typeof SaleFailure];

/** Refusals a retry cannot change: activities fail with them at once, updates answer them as they are. */
export const SALE_REFUSALS = [SaleFailure.INVALID_STATE, SaleFailure.SEATS_EXHAUSTED, SaleFailure.NOT_FOUND] as const;

export const isSaleRefusal = (type: string | null | undefined): type is (typeof SALE_REFUSALS)[number] =>
  (SALE_REFUSALS as readonly string[]).includes(type ?? '');
