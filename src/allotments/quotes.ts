import type { Quote } from '../domain/allotments/pricing';
import type { Principal } from '../domain/principal';
import type { Services } from '../platform/services';
import { assertAllotmentsEnabled, resolveTarget } from './context';
import { quoteForOrganization } from './price-lists';

/**
 * What a purchase of `quantity` units in `currency` would cost the organization today: the very
 * quote placePurchase charges (the price list linked to the organization for the assessment,
 * following its successors), for a buyer who wants to see the band and total before paying.
 * Organization and assessment must be in the caller's scope (404 otherwise).
 */
export async function quotePurchase(
  s: Pick<Services, 'sql'>,
  p: Principal,
  req: { organizationId: string; assessmentId: string; quantity: number; currency: string },
): Promise<Quote> {
  await assertAllotmentsEnabled(s.sql);
  const { org, assessment } = await resolveTarget(s.sql, p, req.organizationId, req.assessmentId);
  return quoteForOrganization(s.sql, org, assessment.id, req.quantity, req.currency, new Date());
}
