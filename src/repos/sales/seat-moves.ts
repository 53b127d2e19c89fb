import type { Db } from '../../db/connect';

export interface SeatMoveRow {
  id: string;
  saleId: string;
  distributionId: string;
  fromEmail: string;
  toEmail: string;
  reason: string;
  movedBy: string;
  movedAt: Date;
  /** The old user's key, revoked by the move (null when the seat was moved on before its new user launched). */
  revokedKeyId: string | null;
  claimedKeyId: string | null;
  claimedAt: Date | null;
  movedOnAt: Date | null;
}

const columns = (sql: Db) => sql`
  m.id, m.sale_id, l.distribution_id, m.from_email, m.to_email, m.reason, m.moved_by, m.moved_at,
  m.from_key_id as revoked_key_id, m.claimed_key_id, m.claimed_at, m.moved_on_at`;

/** The line, locked for the rest of the transaction: seat moves and key issues on it take turns. */
export async function lockLineSeats(sql: Db, lineId: string): Promise<void> {
  await sql`select id from sale_distributions where id = ${lineId} for update`;
}

/** The seat waiting for `email` on the line (moved to them, not yet claimed by their launch). */
export async function findWaitingSeat(sql: Db, lineId: string, email: string): Promise<SeatMoveRow | undefined> {
  const [row] = await sql<SeatMoveRow[]>`
    select ${columns(sql)} from sale_seat_moves m join sale_distributions l on l.id = m.sale_distribution_id
    where m.sale_distribution_id = ${lineId} and lower(m.to_email) = lower(${email})
      and m.claimed_key_id is null and m.moved_on_at is null`;
  return row;
}

/** Whether the key's seat has been moved to someone else. */
export async function seatMovedFromKey(sql: Db, keyId: string): Promise<boolean> {
  const [row] = await sql`select 1 from sale_seat_moves where from_key_id = ${keyId}`;
  return row !== undefined;
}

/** A seat waiting for someone who has not launched yet is moved on: it no longer waits for them. */
export async function markMovedOn(sql: Db, moveId: string): Promise<void> {
  await sql`update sale_seat_moves set moved_on_at = now() where id = ${moveId} and claimed_key_id is null and moved_on_at is null`;
}

export async function insertSeatMove(
  sql: Db,
  m: { saleId: string; lineId: string; fromKeyId?: string; fromMoveId?: string; fromEmail: string; toEmail: string; reason: string; movedBy: string },
): Promise<SeatMoveRow> {
  const [inserted] = await sql<{ id: string }[]>`
    insert into sale_seat_moves (sale_id, sale_distribution_id, from_key_id, from_move_id, from_email, to_email, reason, moved_by)
    values (${m.saleId}, ${m.lineId}, ${m.fromKeyId ?? null}, ${m.fromMoveId ?? null}, ${m.fromEmail}, ${m.toEmail}, ${m.reason}, ${m.movedBy})
    returning id`;
  const [row] = await sql<SeatMoveRow[]>`
    select ${columns(sql)} from sale_seat_moves m join sale_distributions l on l.id = m.sale_distribution_id where m.id = ${inserted!.id}`;
  return row!;
}

/**
 * The user's new key takes the seat moved to them, if one waits: answers whether it did (then
 * seats_used already counts that seat). Runs in the key issue's transaction, after lockLineSeats.
 */
export async function claimWaitingSeat(sql: Db, lineId: string, email: string, keyId: string): Promise<boolean> {
  const rows = await sql`
    update sale_seat_moves set claimed_key_id = ${keyId}, claimed_at = now()
    where sale_distribution_id = ${lineId} and lower(to_email) = lower(${email})
      and claimed_key_id is null and moved_on_at is null
    returning id`;
  return rows.length > 0;
}
