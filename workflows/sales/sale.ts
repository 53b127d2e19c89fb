import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  makeContinueAsNewFunc,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { MailActivities } from '../../activities/platform/mail';
import type { SalesActivities } from '../../activities/sales/sales';
import { activationInstant, cancellationInstant } from '../../src/domain/sales/dates';
import { renewalWakeAt } from '../../src/domain/sales/keys';
import type { SaleStatus } from '../../src/domain/sales/types';
import type { Mail } from '../../src/mail';
import {
  activationDateChangedSignal,
  approveSaleUpdate,
  launchKeyUpdate,
  rejectSaleUpdate,
  SaleFailure,
  saleStateQuery,
  type DecisionInput,
  type LaunchInput,
  type RejectInput,
  type SaleWorkflowInput,
} from './sale-definitions';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';

const NON_RETRYABLE = [SaleFailure.INVALID_STATE, SaleFailure.SEATS_EXHAUSTED, SaleFailure.NOT_FOUND];

// Someone waits on these (an approver, a user launching a test): fail fast, the caller may retry.
const interactive = proxyActivities<SalesActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4, nonRetryableErrorTypes: NON_RETRYABLE },
});

// A first launch is one short transaction with a user waiting: run it in the worker, inside the
// workflow task, instead of a round trip through the task queue (keeps 5 000 launches fast).
const launches = proxyLocalActivities<SalesActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4, nonRetryableErrorTypes: NON_RETRYABLE },
});

// Timer-driven transitions (activation, renewal, cancellation) must happen eventually: retry until the database answers.
const lifecycle = proxyActivities<SalesActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE },
});

const notifications = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
});

/** Past this many events a run continues as new even if the server has not suggested it yet. */
export const MAX_EVENTS_PER_RUN = 5_000;
/** The server refuses updates past 2 000 per run; hand over well before. */
export const MAX_UPDATES_PER_RUN = 1_000;

const failure = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** An update fails with the activity's refusal, so the API can answer its code; anything else reads as unavailable. */
function asUpdateFailure(err: unknown): ApplicationFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure && NON_RETRYABLE.includes(cause.type as (typeof NON_RETRYABLE)[number])) return failure(cause.type!, cause.message);
  return failure('UNAVAILABLE', 'The sale could not be updated right now; try again');
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * One reseller sale: pending_approval → approved (or rejected) → active at 00:00 UTC of the
 * activation date → cancelled at 00:00 UTC of the cancellation date, every key revoked. While
 * active it issues keys (update `launch`) and renews them before they expire. The database holds
 * the state the API reads; the workflow decides when it changes.
 */
export async function saleWorkflow(input: SaleWorkflowInput): Promise<{ status: SaleStatus | 'abandoned' }> {
  const { saleId } = input;
  const s = { status: input.status ?? 'pending_approval', activationDate: input.activationDate, nextRenewalAt: input.nextRenewalAt ?? null };
  let notification: Mail | null = input.pendingNotification ?? null;
  let deciding = false;
  let draining = false;
  let ending = false;
  /** Bumped whenever a handler changes what the main loop is waiting for. */
  let changes = 0;
  /** Expiries of keys issued while a renewal runs, which its answer may not include. */
  let issuedDuringRenewal: string | null = null;
  let renewing = false;
  let updates = 0;

  const at = () => new Date().toISOString();
  const endsAt = () => cancellationInstant(s.activationDate).getTime();
  const historyFull = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= MAX_EVENTS_PER_RUN || updates >= MAX_UPDATES_PER_RUN;
  const setStatus = (status: SaleStatus) => {
    s.status = status;
    publishStatus(status);
    changes++;
  };

  setHandler(saleStateQuery, () => ({ ...s }));

  setHandler(activationDateChangedSignal, ({ activationDate }) => {
    if (s.status !== 'pending_approval' && s.status !== 'approved') return;
    s.activationDate = activationDate;
    changes++;
  });

  const assertDecidable = () => {
    if (s.status !== 'pending_approval' || deciding) throw failure(SaleFailure.INVALID_STATE, `The sale is ${deciding ? 'being decided' : s.status}, not pending approval`);
  };

  setHandler(
    approveSaleUpdate,
    async ({ userId }) => {
      updates++;
      deciding = true;
      try {
        const { notification: mail } = await interactive.recordSaleApproval({ saleId, userId, at: at() });
        notification = mail;
        setStatus('approved');
        return { status: s.status };
      } catch (err) {
        throw asUpdateFailure(err);
      } finally {
        deciding = false;
      }
    },
    {
      validator: (_: DecisionInput) => {
        assertDecidable();
        if (Date.now() >= endsAt()) throw failure(SaleFailure.INVALID_STATE, 'The sale\'s cancellation date has passed; it can only be rejected');
      },
    },
  );

  setHandler(
    rejectSaleUpdate,
    async ({ userId, reason }) => {
      updates++;
      deciding = true;
      try {
        await interactive.recordSaleRejection({ saleId, userId, reason, at: at() });
        setStatus('rejected');
        return { status: s.status };
      } catch (err) {
        throw asUpdateFailure(err);
      } finally {
        deciding = false;
      }
    },
    { validator: (_: RejectInput) => assertDecidable() },
  );

  setHandler(
    launchKeyUpdate,
    async (launch) => {
      updates++;
      // Accepted while activation is being recorded: the database may already say active.
      await condition(() => s.status !== 'approved');
      if (s.status !== 'active') throw failure(SaleFailure.INVALID_STATE, `The sale is ${s.status}, not active`);
      try {
        const key = await launches.issueSaleKey({ saleId, ...launch, at: at() });
        if (key.created && Date.parse(key.expiresAt) < endsAt()) {
          const next = earliest(s.nextRenewalAt, key.expiresAt);
          if (next !== s.nextRenewalAt) changes++;
          s.nextRenewalAt = next;
          if (renewing) issuedDuringRenewal = earliest(issuedDuringRenewal, key.expiresAt);
        }
        return key;
      } catch (err) {
        throw asUpdateFailure(err);
      }
    },
    {
      validator: (_: LaunchInput) => {
        const activating = s.status === 'approved' && Date.now() >= activationInstant(s.activationDate).getTime();
        if ((s.status !== 'active' && !activating) || ending || Date.now() >= endsAt()) {
          throw failure(SaleFailure.INVALID_STATE, `The sale is ${ending ? 'ending' : s.status}, not active`);
        }
        // Continuing as new: the caller sends the launch again and it lands on the next run.
        if (draining) throw failure(SaleFailure.BUSY, 'The sale is busy; send the launch again');
      },
    },
  );

  /** Waits until `done()`, a handler's change or `deadline`; continues as new when the history is full. */
  async function wait(done: () => boolean, deadline?: number): Promise<void> {
    const seen = changes;
    const timeout = deadline === undefined ? undefined : Math.max(deadline - Date.now(), 0);
    const woken = () => done() || changes !== seen || historyFull();
    if (timeout === undefined) await condition(woken);
    else await condition(woken, timeout);
    if (historyFull()) await continueAsNew();
  }

  async function continueAsNew(): Promise<never> {
    draining = true;
    await condition(allHandlersFinished);
    const next = makeContinueAsNewFunc<typeof saleWorkflow>({ typedSearchAttributes: workflowInfo().typedSearchAttributes });
    return next({
      saleId,
      organizationId: input.organizationId,
      activationDate: s.activationDate,
      status: s.status,
      nextRenewalAt: s.nextRenewalAt,
      pendingNotification: notification,
    });
  }

  async function notifyApproval(): Promise<void> {
    if (!notification) return;
    try {
      await notifications.sendMail(notification);
    } catch (err) {
      // The sale goes on without the e-mail; the approval stays in the audit trail.
      log.error('approval notification could not be sent', { saleId, error: String(err) });
    }
    notification = null;
  }

  async function untilActive(): Promise<void> {
    for (;;) {
      const startsAt = activationInstant(s.activationDate).getTime();
      if (Date.now() < startsAt) {
        await wait(() => false, startsAt);
        continue;
      }
      const result = await lifecycle.activateSale({ saleId, at: at() });
      if (result.activated) return setStatus('active');
      // A PATCH moved the date and its signal has not arrived yet: follow the database.
      s.activationDate = result.activationDate;
    }
  }

  async function renewDueKeys(): Promise<void> {
    renewing = true;
    issuedDuringRenewal = null;
    try {
      const { nextExpiry } = await lifecycle.renewSaleKeys({ saleId, at: at() });
      s.nextRenewalAt = earliest(nextExpiry, issuedDuringRenewal);
    } finally {
      renewing = false;
    }
  }

  async function activeUntilEnd(): Promise<void> {
    for (;;) {
      if (Date.now() >= endsAt()) return;
      const renewAt = s.nextRenewalAt ? renewalWakeAt(new Date(s.nextRenewalAt)).getTime() : Infinity;
      if (Date.now() >= renewAt) await renewDueKeys();
      else await wait(() => false, Math.min(endsAt(), renewAt));
    }
  }

  // A first run whose registration never committed has no sale to look after.
  if (input.status === undefined && !(await recordCommitted('sale', saleId))) {
    publishStatus('abandoned');
    return { status: 'abandoned' };
  }
  while (s.status === 'pending_approval') await wait(() => s.status !== 'pending_approval' && !deciding);

  if (s.status === 'approved') {
    await notifyApproval();
    await untilActive();
  }
  if (s.status === 'active') {
    await activeUntilEnd();
    ending = true;
    await condition(allHandlersFinished);
    await lifecycle.cancelSale({ saleId, at: at() });
    setStatus('cancelled');
  }
  await condition(allHandlersFinished);
  return { status: s.status };
}
