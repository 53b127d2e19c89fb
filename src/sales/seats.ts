import { actorOf, type Principal } from '../domain/principal';
import { SaleFailure, SeatMoveFailure } from '../domain/sales/failures';
import { launchRefusal } from '../domain/sales/lifecycle';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { findUserKey, lockLineForKeyIssue, revokeUserKey } from '../repos/sales/sale-keys';
import { getSale, type Sale } from '../repos/sales/sales';
import { findWaitingSeat, insertSeatMove, lockLineSeats, markMovedOn, seatMovedFromKey, type SeatMoveRow } from '../repos/sales/seat-moves';

export type { SeatMoveRow };

export interface SeatMoveInput {
  fromEmail: string;
  toEmail: string;
  reason: string;
  distributionId?: string;
}

function lineOf(sale: Sale, distributionId: string | undefined) {
  if (distributionId === undefined) {
    if (sale.distributions.length === 1) return sale.distributions[0]!;
    throw new AppError('VALIDATION_FAILED', 'Invalid body: distributionId', { errors: [{ path: 'distributionId', message: 'required: the sale has several distributions' }] });
  }
  const line = sale.distributions.find((l) => l.distributionId === distributionId);
  if (!line) throw notFound('Distribution on this sale');
  return line;
}

/**
 * Admin only: a seat of an active sale goes from one user to another. The old user's key is
 * revoked at once with the reason (their relaunch answers it, revoked); the seat then waits for the
 * new user, whose next launch issues their key on it. seats_used does not change, so the sale's
 * number of users still bounds every live key and waiting seat (the database's check). The line
 * is locked, so moves and first launches on it take turns.
 */
export async function moveSeat(s: Pick<Services, 'sql'>, p: Principal, saleId: string, input: SeatMoveInput): Promise<SeatMoveRow> {
  return s.sql.begin(async (tx) => {
    const sale = await getSale(tx, p, saleId);
    const line = lineOf(sale, input.distributionId);
    // The sale's row share-locked (its status cannot change under the move), then the line.
    const locked = await lockLineForKeyIssue(tx, saleId, line.id);
    if (!locked) throw notFound('Distribution on this sale');
    const refusal = launchRefusal(locked.status);
    if (refusal) throw new AppError(SaleFailure.INVALID_STATE, `${refusal}: seats move only on an active sale`);
    await lockLineSeats(tx, line.id);

    const toKey = await findUserKey(tx, line.id, input.toEmail);
    if (toKey || (await findWaitingSeat(tx, line.id, input.toEmail))) {
      throw new AppError(SeatMoveFailure.SEAT_ALREADY_HELD, `${input.toEmail} already holds a seat (or had a key) on this distribution`, { toEmail: input.toEmail });
    }
    const fromKey = await findUserKey(tx, line.id, input.fromEmail);
    const base = { saleId, lineId: line.id, fromEmail: fromKey?.userEmail ?? input.fromEmail, toEmail: input.toEmail, reason: input.reason, movedBy: p.userId };
    let move: SeatMoveRow;
    if (fromKey && !(await seatMovedFromKey(tx, fromKey.id))) {
      await revokeUserKey(tx, fromKey.id, p.userId, input.reason);
      move = await insertSeatMove(tx, { ...base, fromKeyId: fromKey.id });
    } else {
      const waiting = fromKey ? undefined : await findWaitingSeat(tx, line.id, input.fromEmail);
      if (!waiting) throw new AppError(SeatMoveFailure.SEAT_NOT_HELD, `${input.fromEmail} holds no seat on this distribution`, { fromEmail: input.fromEmail });
      await markMovedOn(tx, waiting.id);
      move = await insertSeatMove(tx, { ...base, fromEmail: waiting.toEmail, fromMoveId: waiting.id });
    }
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'sale', entityId: saleId, action: 'move_seat', organizationId: sale.organizationId,
      after: { moveId: move.id, distributionId: line.distributionId, fromEmail: move.fromEmail, toEmail: move.toEmail, revokedKeyId: move.revokedKeyId, reason: input.reason },
    });
    return move;
  });
}
