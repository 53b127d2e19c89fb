import type { Db } from '../db/connect';
import {
  chainEditProblem,
  dayAfter,
  listOnDate,
  priceListProblems,
  quote,
  sameTerms,
  utcDate,
  type Band,
  type EditableTerms,
  type Quote,
  type TiersMode,
} from '../domain/allotments/pricing';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { getAssessment } from '../repos/allotments/assessments';
import {
  getPriceList as readPriceList,
  insertPriceList,
  linkedPriceList,
  linkPriceList,
  listPriceLists as readPriceLists,
  lockPriceList,
  moveToVersion,
  predecessorOf,
  priceListChain,
  priceListUsed,
  setSuccessor,
  updatePriceListTerms,
  type PriceList,
} from '../repos/allotments/price-lists';
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

/**
 * Quote from the price list linked to the organization for the assessment, valid today: the link
 * follows the list's successors by their dates, so a list that ends hands over to the next one.
 */
export async function quoteForOrganization(sql: Db, org: Organization, assessmentId: string, quantity: number, currency: string, now: Date): Promise<Quote> {
  const linked = await linkedPriceList(sql, org.id, assessmentId);
  if (!linked) throw new AppError('NO_VALID_PRICE', 'No price list is linked to this organization for this assessment');
  const date = utcDate(now);
  const list = listOnDate(linked.successorId ? await priceListChain(sql, linked.id) : [linked], date) ?? linked;
  return quoteOrRefuse(list, quantity, currency, date);
}

const invalid = (errors: { path: string; message: string }[]) =>
  new AppError('VALIDATION_FAILED', `Invalid price list: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });

/** The list to change, admins only; a list a newer version replaced is not changed any more (409 naming the newest). */
async function lockCurrent(tx: Db, id: string): Promise<PriceList> {
  const list = await lockPriceList(tx, id);
  if (!list) throw notFound('Price list');
  if (list.replacedById) {
    throw new AppError('CONFLICT', `Price list ${id} was replaced by version ${list.version + 1} (${list.replacedById}): change that one`, { replacedById: list.replacedById });
  }
  return list;
}

const termsOf = (l: PriceList): EditableTerms => ({ name: l.name, validFrom: l.validFrom, validTo: l.validTo, tiersMode: l.tiersMode, currencies: l.currencies });

/**
 * Admin only. A list no purchase used is changed in place (200). A used one keeps its terms
 * (purchases were priced with them): the edit makes a new version (201) that replaces it in
 * every organization's link and in its successor chain. Dates that join the list to a
 * predecessor or successor cannot move (400); a patch that changes nothing answers the list.
 */
export async function updatePriceList(
  s: Pick<Services, 'sql'>,
  p: Principal,
  id: string,
  patch: Partial<EditableTerms>,
): Promise<{ list: PriceList; newVersion: boolean }> {
  await assertAllotmentsEnabled(s.sql);
  return s.sql.begin(async (tx) => {
    const before = await lockCurrent(tx, id);
    const after: EditableTerms = { ...termsOf(before), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const problems = priceListProblems(after);
    const chained = chainEditProblem(before, after, { hasPredecessor: (await predecessorOf(tx, id)) !== null, hasSuccessor: before.successorId !== null });
    if (chained) problems.push(chained);
    if (problems.length) throw invalid(problems);
    if (sameTerms(termsOf(before), after)) return { list: before, newVersion: false };

    if (!(await priceListUsed(tx, id))) {
      await updatePriceListTerms(tx, id, after);
      await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: id, action: 'update', before: termsOf(before), after });
      return { list: (await lockPriceList(tx, id))!, newVersion: false };
    }
    // The successor pointer moves with the list's place: off the old version, onto the new one.
    if (before.successorId) await setSuccessor(tx, id, null);
    const created = await insertPriceList(tx, { assessmentId: before.assessmentId, ...after, replacesId: id, version: before.version + 1, successorId: before.successorId });
    const organizations = await moveToVersion(tx, id, created.id);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'price_list', entityId: created.id, action: 'create_version',
      before: { id, ...termsOf(before) }, after: { ...created, organizationsMoved: organizations },
    });
    await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: id, action: 'replaced', after: { replacedById: created.id } });
    return { list: (await lockPriceList(tx, created.id))!, newVersion: true };
  });
}

export interface SuccessorInput {
  name: string;
  validFrom?: string;
  validTo?: string | null;
  tiersMode: TiersMode;
  currencies: Record<string, Band[]>;
}

/**
 * Admin only. The list that takes over the day after `id` ends (which needs a validTo): every
 * organization linked to `id` (or to a list before it) is quoted from it from that day on.
 * One successor per list (409 naming it); validFrom, if sent, must be that day (400).
 */
export async function createSuccessor(s: Pick<Services, 'sql'>, p: Principal, id: string, input: SuccessorInput): Promise<PriceList> {
  await assertAllotmentsEnabled(s.sql);
  return s.sql.begin(async (tx) => {
    const before = await lockCurrent(tx, id);
    if (!before.validTo) throw new AppError('CONFLICT', `Price list ${id} has no end date: give it a validTo first (PATCH /v1/price-lists/${id})`);
    if (before.successorId) throw new AppError('CONFLICT', `Price list ${id} already has a successor (${before.successorId})`, { successorId: before.successorId });
    const validFrom = dayAfter(before.validTo);
    const problems = priceListProblems({ ...input, validFrom });
    if (input.validFrom !== undefined && input.validFrom !== validFrom) problems.unshift({ path: 'validFrom', message: `must be ${validFrom}, the day after the list ends (or leave it out)` });
    if (problems.length) throw invalid(problems);
    const created = await insertPriceList(tx, { assessmentId: before.assessmentId, name: input.name, validFrom, validTo: input.validTo ?? null, tiersMode: input.tiersMode, currencies: input.currencies });
    await setSuccessor(tx, id, created.id);
    await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: created.id, action: 'create', after: { ...created, predecessorId: id } });
    await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: id, action: 'set_successor', before: { successorId: null }, after: { successorId: created.id } });
    return created;
  });
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
