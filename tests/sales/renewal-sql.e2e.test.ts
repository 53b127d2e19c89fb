import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationInstant, cancellationInstant } from '../../src/domain/sales/dates';
import { keyExpiry, renewalAt, RENEWAL_LEAD_MS } from '../../src/domain/sales/keys';
import { insertOrganization } from '../../src/repos/organizations';
import { insertDistribution } from '../../src/repos/sales/distributions';
import { insertUserKey, renewDueKeys } from '../../src/repos/sales/sale-keys';
import { insertSale } from '../../src/repos/sales/sales';
import { insertUser } from '../../src/repos/users';
import { freshDatabase, type TestDatabase } from '../support/db';
import { unique, uniqueEmail } from '../support/unique';

const DAY = 24 * 60 * 60 * 1000;
const ACTIVATION = '2027-03-01';
const START = activationInstant(ACTIVATION);
const END = cancellationInstant(ACTIVATION);

/** One key as it stands before a renewal run: issued, with an expiry some renewals may already have moved. */
interface KeyCase {
  issuedAt: Date;
  expiresAt: Date;
}

/** A renewal run at `at` over the keys of one sale line whose keys last `keyLengthDays`. */
interface RenewalCase {
  keyLengthDays: number;
  keys: KeyCase[];
  at: Date;
}

// The SQL in src/repos/sales/sale-keys.ts renews keys set-based; the rule it mirrors is renewalAt in
// src/domain/sales/keys.ts. Both must agree on every key, or renewals drift from what the domain says.
describe('key renewal: the SQL does what the pure rule says', () => {
  let db: TestDatabase;
  let organizationId: string, registeredBy: string;

  beforeAll(async () => {
    db = await freshDatabase();
    organizationId = (await insertOrganization(db.sql, { name: unique('Customer'), ltiService: true })).id;
    registeredBy = (await insertUser(db.sql, { email: uniqueEmail('reseller'), name: 'Reseller', role: 'manager', organizationId })).id;
  });
  afterAll(async () => db?.drop());

  /** Runs the repository's renewal over fresh keys and answers each key's expiry and renewals, and the count it reported. */
  async function renewInSql(c: RenewalCase) {
    const distribution = await insertDistribution(db.sql, { name: unique('Distribution'), unitPrices: { EUR: 100 }, keyLengthDays: c.keyLengthDays, salesTypes: ['per_user'] });
    const saleId = await insertSale(db.sql, {
      organizationId, registeredBy, name: 'Renewals', billed: 'invoice', activationDate: ACTIVATION,
      lines: [{ distributionId: distribution.id, salesType: 'per_user', numberOfUsers: c.keys.length, currency: 'EUR', unitAmount: 100, salesAmount: 100 * c.keys.length, keyLengthDays: c.keyLengthDays }],
    });
    const [line] = await db.sql<{ id: string }[]>`select id from sale_distributions where sale_id = ${saleId}`;
    const ids: string[] = [];
    for (const k of c.keys) {
      const issued = await insertUserKey(db.sql, { saleId, lineId: line!.id, userEmail: uniqueEmail(), key: unique('key-0123456789abcdef0123456789'), issuedAt: k.issuedAt, expiresAt: k.expiresAt, saleEndsAt: END });
      if (issued.outcome !== 'issued') throw new Error(`key not issued: ${issued.outcome}`);
      ids.push(issued.key.id);
    }
    const reported = await renewDueKeys(db.sql, saleId, c.at);
    const rows = await db.sql<{ id: string; expiresAt: Date; renewals: number }[]>`select id, expires_at, renewals from sale_keys where sale_id = ${saleId}`;
    const byId = new Map(rows.map((r) => [r.id, { expiresAt: r.expiresAt, renewals: r.renewals }]));
    return { keys: ids.map((id) => byId.get(id)!), reported };
  }

  async function expectAgreement(c: RenewalCase) {
    const sql = await renewInSql(c);
    const pure = c.keys.map((k) => renewalAt(k.expiresAt, c.keyLengthDays, END, c.at));
    expect(sql.keys).toEqual(pure);
    expect(sql.reported).toBe(pure.reduce((n, k) => n + k.renewals, 0));
  }

  const day = (n: number) => new Date(START.getTime() + n * DAY);
  const fresh = (issuedDay: number, keyLengthDays: number): KeyCase => ({ issuedAt: day(issuedDay), expiresAt: keyExpiry(day(issuedDay), keyLengthDays, END) });

  it.each<[string, RenewalCase]>([
    ['not yet due: a minute before the lead', { keyLengthDays: 180, keys: [fresh(0, 180)], at: new Date(day(180).getTime() - RENEWAL_LEAD_MS - 60_000) }],
    ['due exactly at the start of the lead', { keyLengthDays: 180, keys: [fresh(0, 180)], at: new Date(day(180).getTime() - RENEWAL_LEAD_MS) }],
    ['due at its expiry, renewed from the old expiry', { keyLengthDays: 180, keys: [fresh(0, 180)], at: day(180) }],
    ['capped at the sale end', { keyLengthDays: 180, keys: [{ issuedAt: day(0), expiresAt: day(360) }], at: day(360) }],
    ['at the sale end already: never renewed', { keyLengthDays: 180, keys: [fresh(300, 180)], at: day(400) }],
    ['a worker down for 200 days catches up in one run', { keyLengthDays: 30, keys: [fresh(0, 30)], at: day(230) }],
    ['one-day keys past the sale end reach it and stop', { keyLengthDays: 1, keys: [fresh(10, 1)], at: day(500) }],
    ['only the due keys of a sale move', { keyLengthDays: 90, keys: [fresh(0, 90), fresh(20, 90), fresh(80, 90)], at: day(100) }],
  ])('%s', async (_, c) => expectAgreement(c));

  it('agrees with the rule for any key length, issue day, prior renewals and renewal instant', async () => {
    // Instants to the millisecond, drawn as seconds plus milliseconds (fast-check integers are 32-bit).
    const ms = (maxDays: number) => fc.tuple(fc.integer({ min: 0, max: maxDays * 86_400 }), fc.integer({ min: 1, max: 999 })).map(([sec, milli]) => sec * 1000 + milli);
    const keyCase = fc.record({ issued: ms(363), life: ms(365) }).map(({ issued, life }): KeyCase => {
      const issuedAt = new Date(START.getTime() + issued);
      return { issuedAt, expiresAt: new Date(Math.min(issuedAt.getTime() + life, END.getTime())) };
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3650 }),
        fc.array(keyCase, { minLength: 1, maxLength: 4 }),
        ms(400),
        async (keyLengthDays, keys, atMs) => expectAgreement({ keyLengthDays, keys, at: new Date(START.getTime() + atMs) }),
      ),
      { numRuns: 60 },
    );
  });
});
