// The sale workflow's activities and the state one run keeps, shared by its handlers (./sale-handlers.ts) and phases (./sale.ts).
import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { MailActivities } from '../../activities/platform/mail';
import type { SalesActivities } from '../../activities/sales';
import { cancellationInstant } from '../../src/domain/sales/dates';
import { isSaleRefusal, SALE_REFUSALS } from '../../src/domain/sales/failures';
import type { SaleStatus } from '../../src/domain/sales/types';
import type { Mail } from '../../src/mail';
import type { Shield } from '../platform/cancellation';
import type { CancelEarlyInput, SaleWorkflowInput, SaleWorkflowState } from './sale-definitions';
import { publishStatus } from '../platform/status';

// Someone waits on these (an approver, a user launching a test): fail fast, the caller may retry.
const INTERACTIVE: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4, nonRetryableErrorTypes: [...SALE_REFUSALS] },
};
export const interactive = proxyActivities<SalesActivities>(INTERACTIVE);

// A first launch is one short transaction with a user waiting: run it in the worker, inside the
// workflow task, instead of a round trip through the task queue (keeps 5 000 launches fast).
export const launches = proxyLocalActivities<SalesActivities>(INTERACTIVE);

// Timer-driven transitions (activation, renewal, cancellation) must happen eventually: retry until the database answers.
export const lifecycle = proxyActivities<SalesActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: [...SALE_REFUSALS] },
});

export const notifications = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
});

// Changes made while sale histories exist (tests/histories/sale.json replays without them).
/** Registration e-mails every approver who may decide the sale, and every admin. */
export const ANNOUNCE_REGISTRATION = 'announce-registration';
/** A rejection e-mails the registering user with the reason, as an approval does. */
export const NOTIFY_REJECTION = 'notify-rejection';
/**
 * The run follows the database when it is further on than the run itself (a run started again by
 * `temporal workflow reset` finds the sale approved, active or cancelled already).
 */
export const FOLLOW_DATABASE = 'follow-database';
/** An admin cancels the active sale before its end (update `cancelEarly`). */
export const CANCEL_EARLY = 'cancel-early';

/** Past this many events a run continues as new even if the server has not suggested it yet. */
export const MAX_EVENTS_PER_RUN = 5_000;
/** The server refuses updates past 2 000 per run; hand over well before. */
export const MAX_UPDATES_PER_RUN = 1_000;

export const failure = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** An update fails with the activity's refusal, so the API can answer its code; anything else reads as unavailable. */
export function asUpdateFailure(err: unknown): ApplicationFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure && isSaleRefusal(cause.type)) return failure(cause.type, cause.message);
  return failure('UNAVAILABLE', 'The sale could not be updated right now; try again');
}

export const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b);
export const at = () => new Date().toISOString();

/** What one run keeps between its handlers and its phases. */
export interface SaleRun {
  readonly input: SaleWorkflowInput;
  /** What the `state` query answers. */
  readonly s: SaleWorkflowState;
  /** The decision e-mail (approval or rejection) still to send (carried across continue-as-new). */
  notification: Mail | null;
  /** An approve or reject is being recorded. */
  deciding: boolean;
  /** Continuing as new: handlers finish, new launches are sent again. */
  draining: boolean;
  /** The sale's end has come: no more launches. */
  ending: boolean;
  /** Bumped whenever a handler changes what the main loop is waiting for. */
  changes: number;
  renewing: boolean;
  /** Expiries of keys issued while a renewal runs, which its answer may not include. */
  issuedDuringRenewal: string | null;
  updates: number;
  /** The status was taken from the database (a reset run): the keys' next expiry is read from it too. */
  followed: boolean;
  /** Ops cancelled the workflow in Temporal while the sale was active: it is cancelled now. */
  cancelledInTemporal: boolean;
  /** Runs handlers out of reach of a Temporal cancellation (workflows/platform/cancellation.ts). */
  shield: Shield;
  /** An admin's early cancellation, waiting for the main loop to record it. */
  earlyCancellation: CancelEarlyInput | null;
  /** Launches being issued right now (an early cancellation waits for them). */
  launching: number;
}

export const newRun = (input: SaleWorkflowInput, shield: Shield): SaleRun => ({
  input,
  s: { status: input.status ?? 'pending_approval', activationDate: input.activationDate, nextRenewalAt: input.nextRenewalAt ?? null },
  notification: input.pendingNotification ?? null,
  deciding: false,
  draining: false,
  ending: false,
  changes: 0,
  renewing: false,
  issuedDuringRenewal: null,
  updates: 0,
  followed: false,
  cancelledInTemporal: false,
  shield,
  earlyCancellation: null,
  launching: 0,
});

export const endsAt = (run: SaleRun) => cancellationInstant(run.s.activationDate).getTime();
export const historyFull = (run: SaleRun) =>
  workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= MAX_EVENTS_PER_RUN || run.updates >= MAX_UPDATES_PER_RUN;

export function setStatus(run: SaleRun, status: SaleStatus): void {
  run.s.status = status;
  publishStatus(status);
  run.changes++;
}

/**
 * The status the run takes after an activity answered what the database records: `expected`, or
 * where the sale already is when that is elsewhere (the work was done by an earlier run, before a
 * reset). Answers recorded before activities reported it have no status.
 */
export function follow(run: SaleRun, recorded: SaleStatus | undefined, expected: SaleStatus): SaleStatus {
  if (recorded === undefined || recorded === expected || !patched(FOLLOW_DATABASE)) return expected;
  run.followed = true;
  // The decision e-mail went out before the sale moved on.
  run.notification = null;
  return recorded;
}
