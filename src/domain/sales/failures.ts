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

/**
 * Why moving a seat from one user to another is refused (409, nothing changes); both are
 * ErrorCodes. The API's own checks, never a workflow's: the database alone holds the seats.
 */
export const SeatMoveFailure = {
  /** The user the seat should come from holds no seat on the distribution. */
  SEAT_NOT_HELD: 'SEAT_NOT_HELD',
  /** The user the seat should go to already holds one (a key, or a seat moved to them). */
  SEAT_ALREADY_HELD: 'SEAT_ALREADY_HELD',
} as const;
