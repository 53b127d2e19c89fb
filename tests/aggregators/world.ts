import { waitFor } from '../support/wait';
import type { Schema } from 'partnerflow/client';
import { ok } from '../support/client';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';

type PaymentFrequency = Schema<'CreateTariff'>['paymentFrequency'];

export const SERVICES: Schema<'CreateTariff'>['services'] = [
  { name: 'Gym floor', kind: 'service' },
  { name: 'Courses flat rate', kind: 'flat_rate' },
  { name: 'Sauna', kind: 'module' },
];

/**
 * A studio set up as the help-centre article describes: a package (advanced by default), a
 * manager, a prepared FREE tariff bundling services, and an aggregator integration.
 */
export async function studioWorld(s: TestStack, o: { package?: 'basic' | 'advanced' | 'premium'; memberLimit?: number | null } = {}) {
  const organizationId = await s.organization({ name: unique('Studio'), package: o.package ?? 'advanced', memberLimit: o.memberLimit ?? null });
  const manager = await s.userWithToken({ role: 'manager', organizationId });
  const freeTariffId = await tariff(s, organizationId, 'FREE', manager.token);
  const aggregatorId = await aggregator(s, organizationId, manager.token);
  return { organizationId, manager, freeTariffId, aggregatorId };
}

export async function tariff(s: TestStack, organizationId: string, paymentFrequency: PaymentFrequency, token?: string): Promise<string> {
  const api = token ? s.apiAs(token) : s.api;
  return (await ok(api.POST('/v1/tariffs', { body: { organizationId, name: unique(`${paymentFrequency} tariff`), paymentFrequency, services: SERVICES } }), 201)).id;
}

export async function aggregator(s: TestStack, organizationId: string, token?: string): Promise<string> {
  const api = token ? s.apiAs(token) : s.api;
  return (await ok(api.POST('/v1/aggregators', { body: { organizationId, name: unique('Corporate fitness') } }), 201)).id;
}

export async function profile(s: TestStack, body: Record<string, unknown>, token?: string) {
  return s.call('POST', '/v1/profiles', { token, body: { name: 'Pat Profile', email: uniqueEmail('p'), ...body } });
}

/**
 * Many existing profiles of an aggregator at once, as an import would leave them: one
 * set-based INSERT (the API creates one at a time), counted on the integration like creations.
 */
export async function seedProfiles(s: TestStack, organizationId: string, aggregatorId: string | null, n: number, status = 'prospect') {
  await s.sql`
    insert into profiles (organization_id, name, email, status, aggregator_id)
    select ${organizationId}, 'Seeded ' || g, 'seeded-' || g || '-' || ${unique('s')} || '@example.test', ${status}, ${aggregatorId}
    from generate_series(1, ${n}) g`;
  if (aggregatorId) await s.sql`update aggregators set profiles_total = profiles_total + ${n}, profiles_done = profiles_done + ${n} where id = ${aggregatorId}`;
}

export const getAggregator = async (s: TestStack, id: string, token?: string) => (await s.call('GET', `/v1/aggregators/${id}`, { token })).body;

export async function waitForAggregator(s: TestStack, id: string, ok: (a: any) => boolean, timeoutMs = 60_000, pollMs = 100) {
  return waitFor(() => getAggregator(s, id), ok, { timeoutMs, everyMs: pollMs, what: `aggregator ${id}: ${ok.toString()}` });
}

/** The truth from the database: how the aggregator's profiles stand with their active contracts. */
export async function contractTruth(s: TestStack, aggregatorId: string) {
  await s.sql`analyze profiles, contracts`;
  const [row] = await s.sql<{ profiles: number; withOne: number; withMore: number; withNone: number; tariffs: string[] }[]>`
    with per as (
      select p.id, count(c.id) as n, array_agg(distinct c.tariff_id) filter (where c.id is not null) as tariffs
      from profiles p left join contracts c on c.profile_id = p.id and c.status = 'active' and c.aggregator_id = ${aggregatorId}
      where p.aggregator_id = ${aggregatorId} group by p.id)
    select count(*)::int as profiles,
           count(*) filter (where n = 1)::int as with_one,
           count(*) filter (where n > 1)::int as with_more,
           count(*) filter (where n = 0)::int as with_none,
           coalesce((select array_agg(distinct t) from per, unnest(per.tariffs) t), '{}') as tariffs
    from per`;
  return row!;
}
