// The sale workflow's queries, signals and updates: decisions, launches and early cancellation.
import { condition, setHandler } from '@temporalio/workflow';
import { SaleFailure } from '../../src/domain/sales/failures';
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
} from './sale-definitions';
import { asUpdateFailure, at, earliest, endsAt, failure, follow, interactive, launches, setStatus, type SaleRun } from './sale-run';

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

export function registerHandlers(run: SaleRun): void {
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
