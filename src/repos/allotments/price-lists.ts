import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import type { Band, PriceListTerms, TiersMode } from '../../domain/allotments/pricing';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { newestFirst, type Page } from '../list';
import { inScope } from '../scope';
import { assessmentInScope } from './access';

export interface PriceList extends PriceListTerms {
  assessmentId: string;
  name: string;
  createdAt: Date;
  /** The list that starts the day after this one ends, if any. */
  successorId: string | null;
  /** 1, or the version after the list `replacesId` (which a purchase had used). */
  version: number;
  replacesId: string | null;
  /** The newer version that took this list's place, if any. */
  replacedById: string | null;
}

const columns = (sql: Db) =>
  sql`p.id, p.assessment_id, p.name, to_char(p.valid_from, 'YYYY-MM-DD') as valid_from,
      to_char(p.valid_to, 'YYYY-MM-DD') as valid_to, p.tiers_mode, p.currencies, p.created_at,
      p.successor_id, p.version, p.replaces_id, (select r.id from price_lists r where r.replaces_id = p.id) as replaced_by_id`;

export interface PriceListRow {
  assessmentId: string;
  name: string;
  validFrom: string;
  validTo?: string | null;
  tiersMode: TiersMode;
  currencies: Record<string, Band[]>;
  /** A new version: the list it replaces and its number. */
  replacesId?: string;
  version?: number;
  successorId?: string | null;
}

export async function insertPriceList(sql: Db, input: PriceListRow): Promise<PriceList> {
  const [row] = await sql<PriceList[]>`
    insert into price_lists as p (assessment_id, name, valid_from, valid_to, tiers_mode, currencies, replaces_id, version, successor_id)
    values (${input.assessmentId}, ${input.name}, ${input.validFrom}, ${input.validTo ?? null}, ${input.tiersMode}, ${sql.json(input.currencies as never)},
            ${input.replacesId ?? null}, ${input.version ?? 1}, ${input.successorId ?? null})
    returning ${columns(sql)}`;
  return row!;
}

/** A list by id, locked until the transaction ends (admins only: no scope). */
export async function lockPriceList(sql: Db, id: string): Promise<PriceList | undefined> {
  await sql`select id from price_lists where id = ${id} for update`;
  const [row] = await sql<PriceList[]>`select ${columns(sql)} from price_lists p where p.id = ${id}`;
  return row;
}

/** Whether a purchase was priced with the list (its terms are then kept as they are). */
export async function priceListUsed(sql: Db, id: string): Promise<boolean> {
  const [row] = await sql<{ used: boolean }[]>`select exists (select 1 from purchases where price_list_id = ${id}) as used`;
  return row!.used;
}

/** The list whose successor this is, if any. */
export async function predecessorOf(sql: Db, id: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`select id from price_lists where successor_id = ${id}`;
  return row?.id ?? null;
}

export async function updatePriceListTerms(
  sql: Db,
  id: string,
  terms: { name: string; validFrom: string; validTo: string | null; tiersMode: TiersMode; currencies: Record<string, Band[]> },
): Promise<void> {
  await sql`
    update price_lists set name = ${terms.name}, valid_from = ${terms.validFrom}, valid_to = ${terms.validTo}, tiers_mode = ${terms.tiersMode},
      currencies = ${sql.json(terms.currencies as never)}, updated_at = now()
    where id = ${id}`;
}

export async function setSuccessor(sql: Db, id: string, successorId: string | null): Promise<void> {
  await sql`update price_lists set successor_id = ${successorId}, updated_at = now() where id = ${id}`;
}

/** A new version takes the old one's place: its predecessor's pointer and every organization's link move to it. */
export async function moveToVersion(sql: Db, oldId: string, newId: string): Promise<string[]> {
  await sql`update price_lists set successor_id = ${newId}, updated_at = now() where successor_id = ${oldId}`;
  const moved = await sql<{ organizationId: string }[]>`
    update organization_price_lists set price_list_id = ${newId}, linked_at = now() where price_list_id = ${oldId} returning organization_id`;
  return moved.map((r) => r.organizationId);
}

/** The list and its successors in date order (the chain an organization's link follows). */
export async function priceListChain(sql: Db, id: string): Promise<PriceList[]> {
  return sql<PriceList[]>`
    with recursive chain(id, depth) as (
      select ${id}::uuid, 0
      union all
      select q.successor_id, c.depth + 1 from chain c join price_lists q on q.id = c.id where q.successor_id is not null and c.depth < 1000)
    select ${columns(sql)} from chain c join price_lists p on p.id = c.id order by c.depth`;
}

/**
 * Admins see every price list; managers those of an assessment they are linked to that are linked
 * to an organization in their scope, and those lists' successors (the assessment scope of
 * docs/allotments.md).
 */
export async function getPriceList(sql: Db, principal: Principal, id: string): Promise<PriceList> {
  const [row] = await sql<PriceList[]>`
    select ${columns(sql)} from price_lists p
    where p.id = ${id} and ${assessmentInScope(sql, principal, 'p.assessment_id')} and (${principal.role === 'admin' ? sql`true` : sql`exists (
      with recursive chain(id, depth) as (
        select l.price_list_id, 0 from organization_price_lists l where l.assessment_id = p.assessment_id and ${inScope(sql, principal, 'l.organization_id')}
        union all
        select q.successor_id, c.depth + 1 from chain c join price_lists q on q.id = c.id where q.successor_id is not null and c.depth < 1000)
      select 1 from chain where chain.id = p.id)`})`;
  if (!row) throw notFound('Price list');
  return row;
}

/**
 * The price lists of an assessment the caller may see (the caller checked the assessment), newest
 * first: admins all of them, managers those linked to an organization in their scope.
 * `organizationId`: the list linked to that organization; `validOn`: lists valid on that date.
 */
export async function listPriceLists(
  sql: Db,
  principal: Principal,
  assessmentId: string,
  f: { organizationId?: string; validOn?: string } & Page,
): Promise<PriceList[]> {
  const linked = (org: postgres.PendingQuery<postgres.Row[]>) =>
    sql`exists (select 1 from organization_price_lists l where l.price_list_id = p.id and ${org})`;
  return sql<PriceList[]>`
    select ${columns(sql)} from price_lists p
    where p.assessment_id = ${assessmentId}
      ${principal.role === 'admin' ? sql`` : sql`and ${linked(inScope(sql, principal, 'l.organization_id'))}`}
      ${f.organizationId ? sql`and ${linked(sql`l.organization_id = ${f.organizationId}`)}` : sql``}
      ${f.validOn ? sql`and p.valid_from <= ${f.validOn}::date and (p.valid_to is null or p.valid_to >= ${f.validOn}::date)` : sql``}
      ${newestFirst(sql, 'price_lists', 'p', f)}`;
}

export async function linkPriceList(sql: Db, organizationId: string, assessmentId: string, priceListId: string): Promise<void> {
  await sql`
    insert into organization_price_lists (organization_id, assessment_id, price_list_id)
    values (${organizationId}, ${assessmentId}, ${priceListId})
    on conflict (organization_id, assessment_id) do update set price_list_id = excluded.price_list_id, linked_at = now()`;
}

export async function linkedPriceList(sql: Db, organizationId: string, assessmentId: string): Promise<PriceList | undefined> {
  const [row] = await sql<PriceList[]>`
    select ${columns(sql)} from organization_price_lists l join price_lists p on p.id = l.price_list_id
    where l.organization_id = ${organizationId} and l.assessment_id = ${assessmentId}`;
  return row;
}
