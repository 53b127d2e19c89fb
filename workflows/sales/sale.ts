import { allHandlersFinished, condition, log, makeContinueAsNewFunc, patched, sleep, workflowInfo } from '@temporalio/workflow';
import { activationInstant } from '../../src/domain/sales/dates';
import { renewalWakeAt } from '../../src/domain/sales/keys';
import { canTake, hasEnded, isDecidable, SALE_TRANSITIONS } from '../../src/domain/sales/lifecycle';
import type { SaleStatus } from '../../src/domain/sales/types';
import type { Mail } from '../../src/mail';
import { refuseTemporalCancel, shieldFromTemporalCancel, cancelledAfterCleanUp, TEMPORAL_CANCEL_CAUSE } from '../platform/cancellation';
import { type SaleWorkflowInput, saleWorkflowId } from './sale-definitions';
import { committedRecord } from '../platform/records';
import { publishStatus } from '../platform/status';
import { registerHandlers } from './sale-handlers';
import {
  ANNOUNCE_REGISTRATION,
  at,
  CANCEL_EARLY,
  earliest,
  endsAt,
  follow,
  historyFull,
  lifecycle,
  newRun,
  notifications,
  NOTIFY_REJECTION,
  setStatus,
  type SaleRun,
} from './sale-run';

export { ANNOUNCE_REGISTRATION, CANCEL_EARLY, FOLLOW_DATABASE, MAX_EVENTS_PER_RUN, MAX_UPDATES_PER_RUN, NOTIFY_REJECTION } from './sale-run';

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
