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
}

const columns = (sql: Db) =>
  sql`p.id, p.assessment_id, p.name, to_char(p.valid_from, 'YYYY-MM-DD') as valid_from,
      to_char(p.valid_to, 'YYYY-MM-DD') as valid_to, p.tiers_mode, p.currencies, p.created_at`;

export async function insertPriceList(
  sql: Db,
  input: { assessmentId: string; name: string; validFrom: string; validTo?: string | null; tiersMode: TiersMode; currencies: Record<string, Band[]> },
): Promise<PriceList> {
  const [row] = await sql<PriceList[]>`
    insert into price_lists as p (assessment_id, name, valid_from, valid_to, tiers_mode, currencies)
    values (${input.assessmentId}, ${input.name}, ${input.validFrom}, ${input.validTo ?? null}, ${input.tiersMode}, ${sql.json(input.currencies as never)})
    returning ${columns(sql)}`;
  return row!;
}

/**
 * Admins see every price list; managers those of an assessment they are linked to that are linked
 * to an organization in their scope (the assessment scope of docs/allotments.md).
 */
export async function getPriceList(sql: Db, principal: Principal, id: string): Promise<PriceList> {
  const [row] = await sql<PriceList[]>`
    select ${columns(sql)} from price_lists p
    where p.id = ${id} and ${assessmentInScope(sql, principal, 'p.assessment_id')} and (${principal.role === 'admin' ? sql`true` : sql`exists (
      select 1 from organization_price_lists l where l.price_list_id = p.id and ${inScope(sql, principal, 'l.organization_id')})`})`;
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
