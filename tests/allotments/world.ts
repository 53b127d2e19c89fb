export { waitFor } from '../support/wait';
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
  await s.call('PATCH', '/v1/settings', { body: { useAllotments: true } });
  const assessment = await s.call('POST', '/v1/assessments', {
    body: { name: unique('Assessment'), responseExpiryDays: o.responseExpiryDays ?? 14, pricingByCohort: o.pricingByCohort ?? false },
  });
  const assessmentId: string = assessment.body.id;
  const priceList = await s.call('POST', `/v1/assessments/${assessmentId}/price-lists`, {
    body: { name: 'Partner prices', validFrom: '2020-01-01', currencies: { EUR: EUR_BANDS, USD: [{ upTo: null, unitAmount: 1100 }] } },
  });
  const organizationId = await s.organization({ name: unique('Partner'), responseAllotment: 'can_be_purchased' });
  await s.call('PUT', `/v1/organizations/${organizationId}/price-lists/${assessmentId}`, { body: { priceListId: priceList.body.id } });
  const manager = await s.userWithToken({ role: 'manager', organizationId, assessmentIds: [assessmentId] });
  if (o.grant) await grant(s, organizationId, assessmentId, o.grant);
  return { assessmentId, priceListId: priceList.body.id as string, organizationId, manager };
}

export type PartnerWorld = Awaited<ReturnType<typeof partnerWorld>>;

/** One stack for the describe block with a partner set up on it: `const { s, w } = partnerSuite({ grant: 5 })`. */
export function partnerSuite(o: PartnerOptions = {}, stack: SuiteOptions = {}) {
  return suiteStack(stack, (s) => partnerWorld(s, o));
}

export async function grant(s: TestStack, organizationId: string, assessmentId: string, quantity: number) {
  const res = await s.call('POST', '/v1/allotments/purchases', { body: { organizationId, assessmentId, quantity, currency: 'EUR', paymentMethod: 'manual' } });
  if (res.status !== 201) throw new Error(`grant failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function ledger(s: TestStack, organizationId: string, assessmentId: string) {
  const res = await s.call('GET', `/v1/allotments?organizationId=${organizationId}&assessmentId=${assessmentId}`);
  return res.body.items[0];
}

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
