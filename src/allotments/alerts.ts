import type { Db } from '../db/connect';
import { available, type Unit } from '../domain/allotments/ledger';
import { lowBalanceMail, lowBalanceNotificationId } from '../domain/allotments/alerts';
import type { AllotmentColumns } from '../domain/events';
import type { Mail } from '../mail';
import { recordEvent } from '../platform/events';
import type { Services } from '../platform/services';
import { allotmentNames, allotmentUnit, deleteLowBalanceHandoffs, insertLowBalanceHandoff, lowBalanceEventData, organizationManagers, takeLowBalanceHandoffs } from '../repos/allotments/alerts';
import type { MovedAllotment } from '../repos/allotments/ledger';
import { startLifecycle } from '../temporal/start';
import { lowBalanceAlertWorkflowId } from '../../workflows/allotments/low-balance-definitions';

// What an allotment announces when its columns move: allotment.credited for a purchase's units,
// allotment.low_balance once per crossing of its threshold (with an e-mail to the organization's
// managers), allotment.exhausted when Available reaches 0. Every caller runs these inside the
// transaction that moved the row, right after the movement.

export const columnsOf = (m: MovedAllotment): AllotmentColumns => ({
  allocated: m.allocated, invited: m.invited, used: m.used, unexpired: m.unexpired, expired: m.expired, available: available(m),
});

/** The crossings the movement's statement reported (the row's trigger decided them under its lock). */
export async function announceMovement(tx: Db, moved: MovedAllotment | null, unit?: Unit): Promise<void> {
  if (!moved || !(moved.movedToLow || moved.movedToZero)) return;
  const ref = { organizationId: moved.organizationId, assessmentId: moved.assessmentId, unit: unit ?? (await allotmentUnit(tx, moved.assessmentId)) };
  const columns = columnsOf(moved);
  if (moved.movedToLow) {
    const event = await recordEvent(tx, { type: 'allotment.low_balance', organizationId: moved.organizationId, data: { ...ref, threshold: moved.lowBalanceThreshold!, columns } });
    await insertLowBalanceHandoff(tx, { eventId: event.id, organizationId: moved.organizationId, assessmentId: moved.assessmentId, seq: moved.lowBalanceSeq });
  }
  if (moved.movedToZero) await recordEvent(tx, { type: 'allotment.exhausted', organizationId: moved.organizationId, data: { ...ref, columns } });
}

/** A purchase's units reached the allotment (paid or granted). */
export async function announceCredit(tx: Db, moved: MovedAllotment | null, c: { units: number; purchaseId: string | null }): Promise<void> {
  if (!moved) return;
  const unit = await allotmentUnit(tx, moved.assessmentId);
  await recordEvent(tx, {
    type: 'allotment.credited', organizationId: moved.organizationId,
    data: { organizationId: moved.organizationId, assessmentId: moved.assessmentId, unit, units: c.units, purchaseId: c.purchaseId, columns: columnsOf(moved) },
  });
  await announceMovement(tx, moved, unit);
}

/** Alerts one drain takes at a time. */
export const LOW_BALANCE_DRAIN_BATCH = 100;

/**
 * Starts the mail workflow of each committed low-balance alert (`low-balance-<org>-<assessment>-<seq>`),
 * then forgets the hand-off. A start that finds the workflow already there is fine, so drains may
 * overlap or repeat after a crash: each crossing is mailed by one workflow. Returns how many it started.
 */
export async function drainLowBalanceHandoffs(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, limit = LOW_BALANCE_DRAIN_BATCH): Promise<number> {
  return s.sql.begin(async (tx) => {
    const waiting = await takeLowBalanceHandoffs(tx, limit);
    for (const h of waiting) {
      await startLifecycle(s.temporal, 'lowBalanceAlertWorkflow', {
        workflowId: lowBalanceAlertWorkflowId(h.organizationId, h.assessmentId, h.seq),
        taskQueue: s.taskQueue,
        args: [{ eventId: h.eventId, organizationId: h.organizationId, assessmentId: h.assessmentId, seq: h.seq }],
        kind: 'low-balance-alert',
        organizationId: h.organizationId,
        status: 'sending',
        reuse: true,
      });
    }
    await deleteLowBalanceHandoffs(tx, waiting.map((h) => h.eventId));
    return waiting.length;
  });
}

/** The messages of one crossing: one per manager of the organization, from the event's payload. */
export async function lowBalanceMails(s: Pick<Services, 'sql'>, i: { eventId: string; seq: number }): Promise<Mail[]> {
  const data = await lowBalanceEventData(s.sql, i.eventId);
  if (!data) return [];
  const { organizationId, assessmentId } = data;
  const [names, managers] = await Promise.all([allotmentNames(s.sql, organizationId, assessmentId), organizationManagers(s.sql, organizationId)]);
  if (!names) return [];
  const notice = { notificationId: lowBalanceNotificationId(organizationId, assessmentId, i.seq), ...names, unit: data.unit, threshold: data.threshold, columns: data.columns };
  return managers.map((m) => lowBalanceMail(notice, m));
}
