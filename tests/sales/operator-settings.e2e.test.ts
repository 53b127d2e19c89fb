import { describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/domain/sales/dates';
import { suiteStack } from '../support/suite';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { distribution } from './world';

// Seed 001: "only organizations with LTI service can use this type of sale". ltiService is an
// operator's setting, like responseAllotment, package and memberLimit: a manager cannot switch it
// on for an organization of their scope (nor for a customer created with the sale) to get past it.
async function world(s: TestStack) {
  const reseller = await s.organization({ name: unique('Reseller') });
  const school = await s.organization({ name: unique('School'), parentId: reseller });
  const manager = await s.userWithToken({ role: 'manager', organizationId: reseller, email: uniqueEmail('reseller') });
  return { reseller, school, manager, distributionId: await distribution(s) };
}

describe('ltiService is set by admins only (dev server)', () => {
  const { s, w } = suiteStack({}, world);

  const counts = async () =>
    (await s.sql<{ orgs: number; sales: number; audits: number }[]>`
      select (select count(*) from organizations)::int as orgs, (select count(*) from sales)::int as sales, (select count(*) from audit_events)::int as audits`)[0]!;
  const sale = (customer: Record<string, unknown>) => ({
    name: 'Year plan', customer, billed: 'invoice', activationDate: addDays(todayUtc(new Date()), 3),
    distributions: [{ distributionId: w.distributionId, salesType: 'per_user', numberOfUsers: 10, currency: 'EUR' }],
  });

  it('refuses a manager setting ltiService on create and on update with 403 naming the field, changing nothing', async () => {
    const before = await counts();
    const created = await s.call('POST', '/v1/organizations', { token: w.manager.token, body: { name: 'Sneaky LTI', ltiService: true } });
    expect(created.status).toBe(403);
    expect(created.body).toMatchObject({ code: 'FORBIDDEN', fields: ['ltiService'] });
    expect(created.body.detail).toContain('ltiService');
    const off = await s.call('POST', '/v1/organizations', { token: w.manager.token, body: { name: 'Sneaky', ltiService: false, package: 'premium' } });
    expect(off.status).toBe(403);
    expect(off.body.fields).toEqual(['ltiService', 'package']);

    const updated = await s.call('PATCH', `/v1/organizations/${w.school}`, { token: w.manager.token, body: { ltiService: true } });
    expect(updated.status).toBe(403);
    expect(updated.body).toMatchObject({ code: 'FORBIDDEN', fields: ['ltiService'] });
    expect((await s.call('GET', `/v1/organizations/${w.school}`, { token: w.manager.token })).body.ltiService).toBe(false);
    expect(await counts()).toEqual(before);

    // Other fields stay theirs to edit.
    const renamed = await s.call('PATCH', `/v1/organizations/${w.school}`, { token: w.manager.token, body: { name: 'Springfield School' } });
    expect(renamed.status).toBe(200);
  });

  it('refuses a manager creating the customer with ltiService in the sale, leaving no sale, organization or workflow', async () => {
    const before = await counts();
    const res = await s.call('POST', '/v1/sales', { token: w.manager.token, body: sale({ newOrganization: { name: 'New Academy', ltiService: true } }) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', fields: ['customer.newOrganization.ltiService'] });
    expect(await counts()).toEqual(before);
    const running: string[] = [];
    for await (const wf of s.client.workflow.list({ query: `TaskQueue = '${s.taskQueue}'` })) running.push(wf.workflowId);
    expect(running).toEqual([]);
  });

  it('still refuses a customer without the LTI service with 422 LTI_SERVICE_REQUIRED, until an admin switches it on', async () => {
    const refused = await s.call('POST', '/v1/sales', { token: w.manager.token, body: sale({ organizationId: w.school }) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'LTI_SERVICE_REQUIRED', organizationId: w.school });
    const fresh = await s.call('POST', '/v1/sales', { token: w.manager.token, body: sale({ newOrganization: { name: 'Plain Academy' } }) });
    expect(fresh.status).toBe(422);
    expect(fresh.body.code).toBe('LTI_SERVICE_REQUIRED');

    const switched = await s.call('PATCH', `/v1/organizations/${w.school}`, { body: { ltiService: true } });
    expect(switched.status).toBe(200);
    expect(switched.body.ltiService).toBe(true);
    const accepted = await s.call('POST', '/v1/sales', { token: w.manager.token, body: sale({ organizationId: w.school }) });
    expect(accepted.status).toBe(201);
    expect(accepted.body.status).toBe('pending_approval');
    // An admin may create the customer with the LTI service in the sale itself.
    const byAdmin = await s.call('POST', '/v1/sales', { body: sale({ newOrganization: { name: 'Admin Academy', ltiService: true, parentId: w.reseller } }) });
    expect(byAdmin.status).toBe(201);
  });
});
