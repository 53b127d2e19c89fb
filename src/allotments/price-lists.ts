import type { Db } from '../db/connect';
import { priceListProblems, quote, utcDate, type Band, type Quote, type TiersMode } from '../domain/allotments/pricing';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { getAssessment } from '../repos/allotments/assessments';
import { getPriceList as readPriceList, insertPriceList, linkedPriceList, linkPriceList, listPriceLists as readPriceLists, type PriceList } from '../repos/allotments/price-lists';
import { findOrganization, type Organization } from '../repos/organizations';
import { assertAllotmentsEnabled } from './context';

export type { PriceList };

export interface PriceListInput {
  name: string;
  validFrom: string;
  validTo?: string | null;
  tiersMode: TiersMode;
  currencies: Record<string, Band[]>;
}

/** A quote, or 409 NO_VALID_PRICE with the reason there is none. */
function quoteOrRefuse(list: PriceList, quantity: number, currency: string, date: string): Quote {
  const result = quote(list, quantity, currency, date);
  if (!result.ok) throw new AppError('NO_VALID_PRICE', result.reason);
  return result.quote;
}

export async function createPriceList(s: Pick<Services, 'sql'>, p: Principal, assessmentId: string, input: PriceListInput): Promise<PriceList> {
  await assertAllotmentsEnabled(s.sql);
  const errors = priceListProblems(input);
  if (errors.length) throw new AppError('VALIDATION_FAILED', `Invalid price list: ${errors.map((e) => e.message).join('; ')}`, { errors });
  return s.sql.begin(async (tx) => {
    await getAssessment(tx, p, assessmentId);
    const created = await insertPriceList(tx, { assessmentId, ...input });
    await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

export async function getPriceList(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<PriceList> {
  await assertAllotmentsEnabled(s.sql);
  return readPriceList(s.sql, p, id);
}

/** What `quantity` units cost in `currency` on `date` (default today, UTC). */
export async function quotePriceList(s: Pick<Services, 'sql'>, p: Principal, id: string, q: { quantity: number; currency: string; date?: string }): Promise<Quote> {
  const list = await getPriceList(s, p, id);
  return quoteOrRefuse(list, q.quantity, q.currency, q.date ?? utcDate(new Date()));
}

/** Links the organization to one price list of the assessment, replacing any earlier link. */
export async function linkOrganizationPriceList(
  s: Pick<Services, 'sql'>,
  p: Principal,
  link: { organizationId: string; assessmentId: string; priceListId: string },
): Promise<{ organizationId: string; assessmentId: string; priceListId: string }> {
  await assertAllotmentsEnabled(s.sql);
  const { organizationId, assessmentId, priceListId } = link;
  await s.sql.begin(async (tx) => {
    if (!(await findOrganization(tx, p, organizationId))) throw notFound('Organization');
    await getAssessment(tx, p, assessmentId);
    const list = await readPriceList(tx, p, priceListId);
    if (list.assessmentId !== assessmentId) {
      throw new AppError('UNPROCESSABLE', 'The price list belongs to another assessment', { errors: [{ path: 'priceListId', message: 'belongs to another assessment' }] });
    }
    await linkPriceList(tx, organizationId, assessmentId, priceListId);
    await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: organizationId, action: 'link_price_list', organizationId, after: { assessmentId, priceListId } });
  });
  return { organizationId, assessmentId, priceListId };
}

/** Quote from the price list linked to the organization for the assessment, valid today. */
export async function quoteForOrganization(sql: Db, org: Organization, assessmentId: string, quantity: number, currency: string, now: Date): Promise<Quote> {
  const list = await linkedPriceList(sql, org.id, assessmentId);
  if (!list) throw new AppError('NO_VALID_PRICE', 'No price list is linked to this organization for this assessment');
  return quoteOrRefuse(list, quantity, currency, utcDate(now));
}

/**
 * The price lists of an assessment (404 unless the caller may see it), newest first: admins all,
 * managers those linked to an organization in their scope.
 */
export async function listPriceLists(
  s: Pick<Services, 'sql'>,
  p: Principal,
  assessmentId: string,
  q: { organizationId?: string; validOn?: string; after?: string; limit: number },
): Promise<PriceList[]> {
  const assessment = await getAssessment(s.sql, p, assessmentId);
  return readPriceLists(s.sql, p, assessment.id, q);
}
