import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { scratchDatabase, type TestDatabase } from '../support/db';

// Migration 011 back-fills the ledger (allotment_entries) of allotments that existed before it.
// A database is built as release 010 left it (the migration runner stopped at 010), with
// purchases, allocations and responses written the way that release wrote them; then 011 and
// the rest run, and every allotment's entries must add up to its columns, movement by movement.

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 9, minutes));

describe('migration 011 back-fills the ledger of existing allotments', () => {
  let db: TestDatabase | undefined;
  let sql: Sql;

  beforeAll(async () => {
    db = await scratchDatabase();
    sql = db.sql;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('rebuilds allocations, reservations, completions and expiries in time order, their columns the running sums', async () => {
    const applied = await migrate(sql, { through: '010' });
    expect(applied.at(-1)).toBe('010_hot_paths.sql');
    expect(await sql`select 1 from information_schema.tables where table_name = 'allotment_entries'`).toHaveLength(0);

    // Release 010's data: an organization buying responses, its manager, an admin.
    const [org, other, assessment, adminId, managerId, p1, p2, p3] = Array.from({ length: 8 }, () => randomUUID());
    await sql`insert into organizations (id, name, path, response_allotment) values
      (${org!}, 'Acme', ${sql.array([org!])}::uuid[], 'can_be_purchased'), (${other!}, 'Other', ${sql.array([other!])}::uuid[], 'can_be_purchased')`;
    await sql`insert into users (id, email, name, role, organization_id) values
      (${adminId!}, 'admin@backfill.test', 'Admin', 'admin', null), (${managerId!}, 'manager@backfill.test', 'Manager', 'manager', ${org!})`;
    await sql`insert into assessments (id, name) values (${assessment!}, 'Leadership')`;
    await sql`insert into purchases (id, organization_id, assessment_id, quantity, currency, unit_amount, amount, payment_method, status, created_by, created_at, paid_at) values
      (${p1!}, ${org!}, ${assessment!}, 5, 'EUR', 0, 0, 'manual', 'granted', ${adminId!}, ${at(0)}, null),
      (${p2!}, ${org!}, ${assessment!}, 5, 'EUR', 1000, 5000, 'stripe', 'paid', ${managerId!}, ${at(20)}, ${at(30)}),
      (${p3!}, ${other!}, ${assessment!}, 2, 'EUR', 0, 0, 'manual', 'granted', ${adminId!}, ${at(1)}, null)`;
    await sql`insert into allocations (purchase_id, organization_id, assessment_id, units, allocated_at) values
      (${p1!}, ${org!}, ${assessment!}, 5, ${at(0)}), (${p2!}, ${org!}, ${assessment!}, 5, ${at(30)}), (${p3!}, ${other!}, ${assessment!}, 2, ${at(1)})`;
    // One response invited alone (audited as the manager's), two invited by one statement (same
    // instant), one not counted; one completes, one expires, one stays open.
    const [r1, r2, r3, r4] = Array.from({ length: 4 }, () => randomUUID());
    const expires = at(60 * 24 * 14);
    await sql`insert into responses (id, assessment_id, organization_id, source, respondent_email, respondent_name, counted, status, expires_at, created_at, completed_at, expired_at) values
      (${r1!}, ${assessment!}, ${org!}, 'manual', 'r1@backfill.test', 'R One', true, 'completed', ${expires}, ${at(10)}, ${at(40)}, null),
      (${r2!}, ${assessment!}, ${org!}, 'manual', 'r2@backfill.test', 'R Two', true, 'expired', ${expires}, ${at(15)}, null, ${at(50)}),
      (${r3!}, ${assessment!}, ${org!}, 'manual', 'r3@backfill.test', 'R Three', true, 'invited', ${expires}, ${at(15)}, null, null),
      (${r4!}, ${assessment!}, ${org!}, 'manual', 'r4@backfill.test', 'R Four', false, 'invited', ${expires}, ${at(16)}, null, null)`;
    await sql`insert into audit_events (actor, entity, entity_id, action, organization_id) values (${`user:${managerId}`}, 'response', ${r1!}, 'create', ${org!})`;
    await sql`insert into allotments (organization_id, assessment_id, allocated, invited, used, unexpired, expired) values
      (${org!}, ${assessment!}, 10, 3, 1, 1, 1), (${other!}, ${assessment!}, 2, 0, 0, 0, 0)`;

    const rest = await migrate(sql);
    expect(rest[0]).toBe('011_lists.sql');

    type Entry = { kind: string; units: number; actor: string; purchaseId: string | null; responseId: string | null; source: string | null;
      allocated: number; invited: number; used: number; unexpired: number; expired: number; at: Date };
    const entries = (o: string) => sql<Entry[]>`
      select kind, units, actor, purchase_id, response_id, source, allocated, invited, used, unexpired, expired, at
      from allotment_entries where organization_id = ${o} and assessment_id = ${assessment!} order by id`;

    const acme = await entries(org!);
    expect(acme.map((e) => [e.kind, e.units, e.actor, e.purchaseId, e.responseId, e.source])).toEqual([
      ['allocation', 5, `user:${adminId}`, p1, null, null],
      ['reservation', 1, `user:${managerId}`, null, r1, 'manual'],
      ['reservation', 2, 'system', null, null, 'manual'],
      ['allocation', 5, `workflow:purchase-${p2}`, p2, null, null],
      ['completion', 1, `workflow:response-${r1}`, null, r1, null],
      ['expiry', 1, `workflow:response-${r2}`, null, r2, null],
    ]);
    expect(acme.map((e) => e.at.toISOString())).toEqual([at(0), at(10), at(15), at(30), at(40), at(50)].map((d) => d.toISOString()));

    // Each entry's columns are the previous ones moved by the entry, as the ledger defines them.
    const running = { allocated: 0, invited: 0, used: 0, unexpired: 0, expired: 0 };
    for (const e of acme) {
      if (e.kind === 'allocation') running.allocated += e.units;
      if (e.kind === 'reservation') { running.invited += e.units; running.unexpired += e.units; }
      if (e.kind === 'completion') { running.used += e.units; running.unexpired -= e.units; }
      if (e.kind === 'expiry') { running.expired += e.units; running.unexpired -= e.units; }
      expect({ allocated: e.allocated, invited: e.invited, used: e.used, unexpired: e.unexpired, expired: e.expired }).toEqual(running);
    }
    // …and the last entry's columns are the allotment's own.
    const [row] = await sql`select allocated, invited, used, unexpired, expired from allotments where organization_id = ${org!} and assessment_id = ${assessment!}`;
    expect(row).toEqual(running);
    expect(running).toEqual({ allocated: 10, invited: 3, used: 1, unexpired: 1, expired: 1 });

    const theirs = await entries(other!);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ kind: 'allocation', units: 2, purchaseId: p3, allocated: 2, invited: 0, used: 0, unexpired: 0, expired: 0 });
  });
});
