export { waitFor } from '../support/wait';
import { ok } from '../support/client';
import type { TestStack } from '../support/stack';
import { suiteStack, type SuiteOptions } from '../support/suite';
import { unique } from '../support/unique';

export const EUR_BANDS = [
  { upTo: 99, unitAmount: 1000 },
  { upTo: 499, unitAmount: 800 },
  { upTo: null, unitAmount: 600 },
];

/**
 * A partner set up as the help-centre article describes: allotments on, an assessment with a
 * price list, a purchasing organization linked to it, and a manager linked to both.
 */
export interface PartnerOptions {
  pricingByCohort?: boolean;
  /** Units an admin grants the organization at once (manual purchase). */
  grant?: number;
  responseExpiryDays?: number;
}

export async function partnerWorld(s: TestStack, o: PartnerOptions = {}) {
  await ok(s.api.PATCH('/v1/settings', { body: { useAllotments: true } }), 200);
  const assessment = await ok(s.api.POST('/v1/assessments', {
    body: { name: unique('Assessment'), responseExpiryDays: o.responseExpiryDays ?? 14, pricingByCohort: o.pricingByCohort ?? false },
  }), 201);
  const assessmentId = assessment.id;
  const priceList = await ok(s.api.POST('/v1/assessments/{id}/price-lists', {
    params: { path: { id: assessmentId } },
    body: { name: 'Partner prices', validFrom: '2020-01-01', currencies: { EUR: EUR_BANDS, USD: [{ upTo: null, unitAmount: 1100 }] } },
  }), 201);
  const organizationId = await s.organization({ name: unique('Partner'), responseAllotment: 'can_be_purchased' });
  await ok(s.api.PUT('/v1/organizations/{id}/price-lists/{assessmentId}', {
    params: { path: { id: organizationId, assessmentId } },
    body: { priceListId: priceList.id },
  }));
  const manager = await s.userWithToken({ role: 'manager', organizationId, assessmentIds: [assessmentId] });
  if (o.grant) await grant(s, organizationId, assessmentId, o.grant);
  return { assessmentId, priceListId: priceList.id, organizationId, manager };
}

export type PartnerWorld = Awaited<ReturnType<typeof partnerWorld>>;

/** One stack for the describe block with a partner set up on it: `const { s, w } = partnerSuite({ grant: 5 })`. */
export function partnerSuite(o: PartnerOptions = {}, stack: SuiteOptions = {}) {
  return suiteStack(stack, (s) => partnerWorld(s, o));
}

export async function grant(s: TestStack, organizationId: string, assessmentId: string, quantity: number) {
  return ok(s.api.POST('/v1/allotments/purchases', { body: { organizationId, assessmentId, quantity, currency: 'EUR', paymentMethod: 'manual' } }), 201);
}

/** The organization's allotment of the assessment as GET /v1/allotments shows it, or undefined before its first allocation. */
async function findLedger(s: TestStack, organizationId: string, assessmentId: string) {
  const { items } = await ok(s.api.GET('/v1/allotments', { params: { query: { organizationId, assessmentId } } }), 200);
  return items[0];
}

/** The organization's allotment of the assessment as GET /v1/allotments shows it; throws if it has none yet. */
export async function ledger(s: TestStack, organizationId: string, assessmentId: string) {
  const row = await findLedger(s, organizationId, assessmentId);
  if (!row) throw new Error(`organization ${organizationId} has no allotment of assessment ${assessmentId}`);
  return row;
}

/** Units allocated so far: 0 before the first allocation. */
export const allocatedUnits = async (s: TestStack, organizationId: string, assessmentId: string) =>
  (await findLedger(s, organizationId, assessmentId))?.allocated ?? 0;

/** Recounts the six columns from the facts (allocations less what refunds took back, responses, cohorts) to check the ledger. */
export async function ledgerFromFacts(s: TestStack, organizationId: string, assessmentId: string) {
  const [row] = await s.sql`
    select
      (select coalesce(sum(units), 0)::int from allocations where organization_id = ${organizationId} and assessment_id = ${assessmentId})
        - (select coalesce(sum(r.taken), 0)::int from purchase_reversals r join purchases p on p.id = r.purchase_id
            where p.organization_id = ${organizationId} and p.assessment_id = ${assessmentId}) as allocated,
      (select count(*)::int from responses where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted)
        + (select count(*)::int from cohorts where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted) as invited,
      (select count(*)::int from responses where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted and status = 'completed')
        + (select count(*)::int from cohorts where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted) as used,
      (select count(*)::int from responses where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted and status = 'invited') as unexpired,
      (select count(*)::int from responses where organization_id = ${organizationId} and assessment_id = ${assessmentId} and counted and status = 'expired') as expired`;
  return { ...row!, available: row!.allocated - row!.used - row!.unexpired };
}
