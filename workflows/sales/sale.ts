import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  makeContinueAsNewFunc,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { MailActivities } from '../../activities/platform/mail';
import type { SalesActivities } from '../../activities/sales';
import { activationInstant, cancellationInstant } from '../../src/domain/sales/dates';
import { isSaleRefusal, SALE_REFUSALS, SaleFailure } from '../../src/domain/sales/failures';
import { renewalWakeAt } from '../../src/domain/sales/keys';
import {
  acceptsLaunch,
  activationDateMovable,
  APPROVAL_TOO_LATE,
  canTake,
  hasEnded,
  isDecidable,
  launchRefusal,
  notInStatus,
  SALE_TRANSITIONS,
} from '../../src/domain/sales/lifecycle';
import type { SaleStatus } from '../../src/domain/sales/types';
import type { Mail } from '../../src/mail';
import { refuseTemporalCancel, shieldFromTemporalCancel, cancelledAfterCleanUp, TEMPORAL_CANCEL_CAUSE, type Shield } from '../platform/cancellation';
import {
  activationDateChangedSignal,
  approveSaleUpdate,
  cancelEarlyUpdate,
  launchKeyUpdate,
  rejectSaleUpdate,
  saleStateQuery,
  type CancelEarlyInput,
  type DecisionInput,
  type IssuedKey,
  type LaunchInput,
  type RejectInput,
  type SaleWorkflowInput,
  type SaleWorkflowState,
  saleWorkflowId,
} from './sale-definitions';
import { committedRecord } from '../platform/records';
import { publishStatus } from '../platform/status';

// Someone waits on these (an approver, a user launching a test): fail fast, the caller may retry.
const INTERACTIVE: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4, nonRetryableErrorTypes: [...SALE_REFUSALS] },
};
const interactive = proxyActivities<SalesActivities>(INTERACTIVE);

// A first launch is one short transaction with a user waiting: run it in the worker, inside the
// workflow task, instead of a round trip through the task queue (keeps 5 000 launches fast).
const launches = proxyLocalActivities<SalesActivities>(INTERACTIVE);

// Timer-driven transitions (activation, renewal, cancellation) must happen eventually: retry until the database answers.
const lifecycle = proxyActivities<SalesActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: [...SALE_REFUSALS] },
});

const notifications = proxyActivities<MailActivities>({
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

const failure = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** An update fails with the activity's refusal, so the API can answer its code; anything else reads as unavailable. */
function asUpdateFailure(err: unknown): ApplicationFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure && isSaleRefusal(cause.type)) return failure(cause.type, cause.message);
  return failure('UNAVAILABLE', 'The sale could not be updated right now; try again');
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b);
const at = () => new Date().toISOString();

/** What one run keeps between its handlers and its phases. */
interface SaleRun {
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

const newRun = (input: SaleWorkflowInput, shield: Shield): SaleRun => ({
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

const endsAt = (run: SaleRun) => cancellationInstant(run.s.activationDate).getTime();
const historyFull = (run: SaleRun) =>
  workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= MAX_EVENTS_PER_RUN || run.updates >= MAX_UPDATES_PER_RUN;

function setStatus(run: SaleRun, status: SaleStatus): void {
  run.s.status = status;
  publishStatus(status);
  run.changes++;
}

/**
 * The status the run takes after an activity answered what the database records: `expected`, or
 * where the sale already is when that is elsewhere (the work was done by an earlier run, before a
 * reset). Answers recorded before activities reported it have no status.
 */
function follow(run: SaleRun, recorded: SaleStatus | undefined, expected: SaleStatus): SaleStatus {
  if (recorded === undefined || recorded === expected || !patched(FOLLOW_DATABASE)) return expected;
  run.followed = true;
  // The decision e-mail went out before the sale moved on.
  run.notification = null;
  return recorded;
}

// ── Handlers ─────────────────────────────────────────────────────────────────────────────────

function assertDecidable(run: SaleRun): void {
  if (!isDecidable(run.s.status) || run.deciding) {
    throw failure(SaleFailure.INVALID_STATE, notInStatus(run.deciding ? 'being decided' : run.s.status, 'pending_approval'));
  }
}

/** Records an approval or a rejection through its activity, then takes the transition (or follows the database). */
async function decide(run: SaleRun, to: SaleStatus, record: () => Promise<SaleStatus | undefined>): Promise<{ status: SaleStatus }> {
  run.updates++;
  run.deciding = true;
  try {
    const recorded = await record();
    setStatus(run, follow(run, recorded, to));
    return { status: run.s.status };
  } catch (err) {
    throw asUpdateFailure(err);
  } finally {
    run.deciding = false;
  }
}

/** A launch: waits out an activation being recorded, then issues the key and keeps the renewal timer. */
async function issueKey(run: SaleRun, launch: LaunchInput): Promise<IssuedKey> {
  run.updates++;
  // Accepted while activation is being recorded: the database may already say active.
  await condition(() => !canTake('activate', run.s.status));
  const refusal = launchRefusal(run.s.status);
  if (refusal) throw failure(SaleFailure.INVALID_STATE, refusal);
  run.launching++;
  try {
    const key = await launches.issueSaleKey({ saleId: run.input.saleId, ...launch, at: at() });
    if (key.created && Date.parse(key.expiresAt) < endsAt(run)) {
      const next = earliest(run.s.nextRenewalAt, key.expiresAt);
      if (next !== run.s.nextRenewalAt) run.changes++;
      run.s.nextRenewalAt = next;
      if (run.renewing) run.issuedDuringRenewal = earliest(run.issuedDuringRenewal, key.expiresAt);
    }
    return key;
  } catch (err) {
    throw asUpdateFailure(err);
  } finally {
    run.launching--;
  }
}

/** An admin's early cancellation: the main loop records it; answers once the sale is cancelled. */
async function cancelEarly(run: SaleRun, input: CancelEarlyInput): Promise<{ status: SaleStatus }> {
  run.updates++;
  if (!run.earlyCancellation) {
    run.earlyCancellation = input;
    run.changes++;
  }
  await condition(() => run.s.status === SALE_TRANSITIONS.cancel.to);
  return { status: run.s.status };
}

function registerHandlers(run: SaleRun): void {
  const { saleId } = run.input;
  setHandler(saleStateQuery, () => ({ ...run.s }));

  setHandler(activationDateChangedSignal, ({ activationDate }) => {
    if (!activationDateMovable(run.s.status)) return;
    run.s.activationDate = activationDate;
    run.changes++;
  });

  setHandler(
    approveSaleUpdate,
    ({ userId }) =>
      run.shield.run(() =>
        decide(run, SALE_TRANSITIONS.approve.to, async () => {
          const recorded = await interactive.recordSaleApproval({ saleId, userId, at: at() });
          run.notification = recorded.notification;
          return recorded.status;
        }),
      ),
    {
      validator: (_: DecisionInput) => {
        assertDecidable(run);
        if (hasEnded(run.s.activationDate, Date.now())) throw failure(SaleFailure.INVALID_STATE, APPROVAL_TOO_LATE);
      },
    },
  );

  setHandler(
    rejectSaleUpdate,
    ({ userId, reason }) =>
      run.shield.run(() =>
        decide(run, SALE_TRANSITIONS.reject.to, async () => {
          // Executions recorded before rejections were announced answered nothing here.
          const recorded: { notification: Mail; status?: SaleStatus } | undefined = await interactive.recordSaleRejection({ saleId, userId, reason, at: at() });
          run.notification = recorded?.notification ?? null;
          return recorded?.status;
        }),
      ),
    { validator: (_: RejectInput) => assertDecidable(run) },
  );

  setHandler(cancelEarlyUpdate, (input) => run.shield.run(() => cancelEarly(run, input)), {
    validator: (_: CancelEarlyInput) => {
      if (!canTake('cancel', run.s.status) || run.ending) throw failure(SaleFailure.INVALID_STATE, notInStatus(run.ending ? 'ending' : run.s.status, 'active'));
      if (run.draining) throw failure(SaleFailure.SALE_BUSY, 'The sale is busy; send the cancellation again');
    },
  });

  setHandler(launchKeyUpdate, (launch) => run.shield.run(() => issueKey(run, launch)), {
    validator: (_: LaunchInput) => {
      if (!acceptsLaunch(run.s.status, run.s.activationDate, Date.now()) || run.ending) {
        throw failure(SaleFailure.INVALID_STATE, notInStatus(run.ending ? 'ending' : run.s.status, 'active'));
      }
      // Continuing as new: the caller sends the launch again and it lands on the next run.
      if (run.draining) throw failure(SaleFailure.SALE_BUSY, 'The sale is busy; send the launch again');
    },
  });
}

// ── Waiting and handing over ─────────────────────────────────────────────────────────────────

/** Waits until `done()`, a handler's change or `deadline`; continues as new when the history is full. */
async function wait(run: SaleRun, done: () => boolean, deadline?: number): Promise<void> {
  const seen = run.changes;
  const timeout = deadline === undefined ? undefined : Math.max(deadline - Date.now(), 0);
  const woken = () => done() || run.changes !== seen || historyFull(run);
  if (timeout === undefined) await condition(woken);
  else await condition(woken, timeout);
  if (historyFull(run)) await continueAsNew(run);
}

async function continueAsNew(run: SaleRun): Promise<never> {
  run.draining = true;
  await condition(allHandlersFinished);
  // The launches just finished recorded their keys in this workflow task. Hand over in a task of
  // its own: the server rejects a hand-over while new updates wait, and a rejected task would run
  // those launches' local activities again (their keys would then read as relaunches).
  if (patched('hand-over-in-own-task')) await sleep(1);
  const next = makeContinueAsNewFunc<typeof saleWorkflow>({ typedSearchAttributes: workflowInfo().typedSearchAttributes });
  return next({
    saleId: run.input.saleId,
    organizationId: run.input.organizationId,
    activationDate: run.s.activationDate,
    status: run.s.status,
    nextRenewalAt: run.s.nextRenewalAt,
    pendingNotification: run.notification,
  });
}

// ── Phases ───────────────────────────────────────────────────────────────────────────────────

/** Pending approval until an approve or reject has been recorded. */
async function untilDecided(run: SaleRun): Promise<void> {
  while (isDecidable(run.s.status)) await wait(run, () => !isDecidable(run.s.status) && !run.deciding);
}

/**
 * Sends each message once through the durable mail activity (its Message-ID is fixed, so a retried
 * send is the same message). A message that cannot be sent is logged; the sale goes on, and what
 * happened stays in the audit trail.
 */
async function sendAll(run: SaleRun, mails: Mail[], what: string): Promise<void> {
  const results = await Promise.allSettled(mails.map((mail) => notifications.sendMail(mail)));
  results.forEach((r, i) => {
    if (r.status === 'rejected') log.error(`${what} could not be sent`, { saleId: run.input.saleId, to: mails[i]!.to, error: String(r.reason) });
  });
}

/** Registration: every approver who may decide the sale, and every admin, learns that it waits. */
async function announceRegistration(run: SaleRun): Promise<void> {
  let mails: Mail[];
  try {
    mails = await lifecycle.saleApprovalRequests({ saleId: run.input.saleId });
  } catch (err) {
    log.error('approval requests could not be prepared', { saleId: run.input.saleId, error: String(err) });
    return;
  }
  await sendAll(run, mails, 'approval request');
}

/** The registering user learns of the decision (approval, or rejection with its reason). */
async function notifyDecision(run: SaleRun): Promise<void> {
  if (!run.notification) return;
  await sendAll(run, [run.notification], 'decision notification');
  run.notification = null;
}

/** Approved until 00:00 UTC of the activation date, following the date wherever a PATCH moves it. */
async function untilActive(run: SaleRun): Promise<void> {
  for (;;) {
    const startsAt = activationInstant(run.s.activationDate).getTime();
    if (Date.now() < startsAt) {
      await wait(run, () => false, startsAt);
      continue;
    }
    const result: { activated: boolean; activationDate: string; status?: SaleStatus } = await lifecycle.activateSale({ saleId: run.input.saleId, at: at() });
    if (result.activated) return setStatus(run, follow(run, result.status, SALE_TRANSITIONS.activate.to));
    // A PATCH moved the date and its signal has not arrived yet: follow the database.
    run.s.activationDate = result.activationDate;
  }
}

async function renewDueKeys(run: SaleRun): Promise<void> {
  run.renewing = true;
  run.issuedDuringRenewal = null;
  try {
    const { nextExpiry } = await lifecycle.renewSaleKeys({ saleId: run.input.saleId, at: at() });
    run.s.nextRenewalAt = earliest(nextExpiry, run.issuedDuringRenewal);
  } finally {
    run.renewing = false;
  }
}

/** Active until the sale's end (or a cancellation from Temporal), renewing keys as they fall due. */
async function activeUntilEnd(run: SaleRun): Promise<void> {
  for (;;) {
    if (hasEnded(run.s.activationDate, Date.now()) || run.cancelledInTemporal || run.earlyCancellation) return;
    const renewAt = run.s.nextRenewalAt ? renewalWakeAt(new Date(run.s.nextRenewalAt)).getTime() : Infinity;
    if (Date.now() >= renewAt) await renewDueKeys(run);
    else await wait(run, () => false, Math.min(endsAt(run), renewAt));
  }
}

/** The sale's end: no more launches; once the running ones are done, cancelled with every key. */
async function cancel(run: SaleRun): Promise<void> {
  run.ending = true;
  const early = run.earlyCancellation;
  if (early && patched(CANCEL_EARLY)) {
    // Its own update waits for the result, so wait for the launches alone.
    await condition(() => run.launching === 0);
    const { notification } = await lifecycle.cancelSaleEarly({ saleId: run.input.saleId, userId: early.userId, reason: early.reason, at: at() });
    setStatus(run, SALE_TRANSITIONS.cancel.to);
    await sendAll(run, [notification], 'cancellation notification');
    return;
  }
  await condition(allHandlersFinished);
  await lifecycle.cancelSale({ saleId: run.input.saleId, at: at(), ...(run.cancelledInTemporal && { cause: TEMPORAL_CANCEL_CAUSE }) });
  setStatus(run, SALE_TRANSITIONS.cancel.to);
}

/**
 * `temporal workflow cancel`: an active sale is cancelled at once, as at its end (every key
 * revoked), and the workflow ends Canceled. Before that there is nothing to clean up, and the
 * cancellation is refused: a pending sale is rejected through the API (docs/temporal-ops.md).
 */
function cancelFromTemporal(run: SaleRun): void {
  if (canTake('cancel', run.s.status) && !run.ending) {
    run.cancelledInTemporal = true;
    run.changes++;
    return;
  }
  const instead = isDecidable(run.s.status)
    ? `reject the sale: POST /v1/sales/${run.input.saleId}/reject`
    : `the sale is ${run.s.status}; an active sale can be cancelled`;
  refuseTemporalCancel(saleWorkflowId(run.input.saleId), instead);
}

/**
 * The first run reads the sale's row once it is committed. When the database is further on than
 * pending approval (a run started again by a reset), the run follows it instead of announcing
 * the registration again.
 */
async function committed(run: SaleRun): Promise<boolean> {
  const record = await committedRecord('sale', run.input.saleId);
  if (!record.committed) return false;
  if (isDecidable(run.s.status) && !run.deciding) {
    const status = follow(run, record.status as SaleStatus | undefined, run.s.status);
    if (status !== run.s.status) setStatus(run, status);
  }
  return true;
}

/**
 * One reseller sale: pending_approval → approved (or rejected) → active at 00:00 UTC of the
 * activation date → cancelled at 00:00 UTC of the cancellation date, every key revoked. While
 * active it issues keys (update `launch`) and renews them before they expire. The database holds
 * the state the API reads; the workflow decides when it changes (src/domain/sales/lifecycle.ts).
 */
export async function saleWorkflow(input: SaleWorkflowInput): Promise<{ status: SaleStatus | 'abandoned' }> {
  let run: SaleRun | undefined;
  const shield = shieldFromTemporalCancel(() => cancelFromTemporal(run!));
  run = newRun(input, shield);
  return shield.run(() => saleLifecycle(run));
}

async function saleLifecycle(run: SaleRun): Promise<{ status: SaleStatus | 'abandoned' }> {
  const { input } = run;
  registerHandlers(run);

  // A first run whose registration never committed has no sale to look after.
  if (input.status === undefined && !(await committed(run))) {
    publishStatus('abandoned');
    return { status: 'abandoned' };
  }
  if (input.status === undefined && !run.followed && patched(ANNOUNCE_REGISTRATION)) await announceRegistration(run);
  await untilDecided(run);
  if (canTake('activate', run.s.status)) {
    await notifyDecision(run);
    await untilActive(run);
  } else if (run.s.status === SALE_TRANSITIONS.reject.to && patched(NOTIFY_REJECTION)) {
    await notifyDecision(run);
  }
  if (canTake('cancel', run.s.status)) {
    // A run that followed the database to `active` learns when the keys issued before fall due.
    if (run.followed) await renewDueKeys(run);
    await activeUntilEnd(run);
    await cancel(run);
  }
  await condition(allHandlersFinished);
  if (run.cancelledInTemporal) throw cancelledAfterCleanUp('the sale is cancelled and every key revoked');
  return { status: run.s.status };
}
