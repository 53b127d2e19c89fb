import { describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/domain/sales/dates';
import { saleWorkflowId } from '../../workflows/sales/sale-definitions';
import { suiteStack } from '../support/suite';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { distribution, readMail, registerSale, waitFor, type Who } from './world';

// Seed 001: "when you create a new sale, the status is Pending Approval. You will receive a
// notification email once the sale has been approved." Approvers learn that a sale waits; the
// registrant learns the decision, approval or rejection.
//
//   Reseller Ltd ── Springfield School (customer, LTI)        Other Reseller (another tree)
//   approvers: site (no organization), of Reseller Ltd, of the school; of Other Reseller (not told)
async function world(s: TestStack) {
  const reseller = await s.organization({ name: unique('Reseller Ltd') });
  const customerId = await s.organization({ name: unique('Springfield School'), parentId: reseller, ltiService: true });
  const other = await s.organization({ name: unique('Other Reseller') });
  const approver = (organizationId?: string) => s.userWithToken({ role: 'approver', email: uniqueEmail('approver'), ...(organizationId && { organizationId }) });
  const [registrant, site, ofReseller, ofCustomer, outsider, secondAdmin, distributionId] = await Promise.all([
    s.userWithToken({ role: 'manager', organizationId: reseller, email: uniqueEmail('reseller') }),
    approver(),
    approver(reseller),
    approver(customerId),
    approver(other),
    s.userWithToken({ role: 'admin', email: uniqueEmail('admin') }),
    distribution(s),
  ]);
  const [bootstrap] = await s.sql<{ id: string; email: string }[]>`select id, email from users where role = 'admin' order by created_at limit 1`;
  const names = (await s.sql<{ id: string; name: string }[]>`select id, name from organizations where id in (${reseller}, ${customerId})`);
  const nameOf = (id: string) => names.find((o) => o.id === id)!.name;
  return {
    resellerName: nameOf(reseller), customerId, customerName: nameOf(customerId), distributionId, registrant, outsider,
    // Who may decide a sale of the school: approvers of the school's tree and site approvers, plus every admin.
    deciders: [site, ofReseller, ofCustomer, secondAdmin, { userId: bootstrap!.id, email: bootstrap!.email }] as Pick<Who, 'userId' | 'email'>[],
  };
}

describe('e-mails of a sale\'s lifecycle (dev server, SMTP listener)', () => {
  const { s, w } = suiteStack({}, world);

  const messages = (messageId: string) => s.smtp.received.filter((m) => readMail(m.raw).messageId === messageId);
  const mailTo = async (email: string, messageId: string) => {
    const found = await waitFor(async () => s.smtp.to(email).filter((m) => readMail(m.raw).messageId === messageId), (l) => l.length > 0);
    if (found.length === 0) throw new Error(`no message ${messageId} to ${email}`);
    return readMail(found[0]!.raw);
  };
  const sentMails = async (saleId: string) => {
    const history = await s.client.workflow.getHandle(saleWorkflowId(saleId)).fetchHistory();
    return (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMail').length;
  };

  it('tells every approver who may decide a new sale, and every admin, its name, reseller, customer, seats and total: once each', async () => {
    const name = unique('Practice tests 2027');
    const sale = await registerSale(s, w.registrant.token, { organizationId: w.customerId, distributions: [w.distributionId], numberOfUsers: 40, name, activationDate: addDays(todayUtc(new Date()), 10) });
    const id: string = sale.id;

    expect(w.deciders).toHaveLength(5);
    for (const to of w.deciders) {
      const mail = await mailTo(to.email, `<sale-${id}.registered.${to.userId}@partnerflow>`);
      expect(mail.subject).toBe(`Sale waiting for approval: ${name}`);
      expect(mail.text).toContain(`Sale: ${name}\n`);
      expect(mail.text).toContain(`Reseller: ${w.resellerName} (registered by manager user <${w.registrant.email}>)\n`);
      expect(mail.text).toContain(`Customer: ${w.customerName}\n`);
      expect(mail.text).toContain('Seats: 40 (IT PRO / Practice Test: 40)\n');
      expect(mail.text).toContain('Total: EUR 500.00\n');
      expect(mail.text).toContain(`/v1/sales/${id}/approve`);
    }

    // The approval mail is sent after the announcements: once it is in, every send has happened.
    const approved = await s.call('POST', `/v1/sales/${id}/approve`, { token: (w.deciders[0] as Who).token });
    expect(approved.status).toBe(200);
    const decision = await mailTo(w.registrant.email, `<sale-${id}.approved.${w.registrant.userId}@partnerflow>`);
    expect(decision.subject).toBe(`Sale approved: ${name}`);

    for (const to of w.deciders) expect(messages(`<sale-${id}.registered.${to.userId}@partnerflow>`)).toHaveLength(1);
    const announced = s.smtp.received.filter((m) => readMail(m.raw).messageId?.startsWith(`<sale-${id}.registered.`));
    expect(announced).toHaveLength(w.deciders.length);
    // Not told: an approver of another tree (who cannot see the sale) and the registering manager.
    expect(announced.some((m) => m.to.includes(w.outsider.email) || m.to.includes(w.registrant.email))).toBe(false);
    // Each message is one send of the durable mail activity in the sale's workflow.
    expect(await sentMails(id)).toBe(w.deciders.length + 1);
  });

  it('e-mails the registrant the reason of a rejection, once', async () => {
    const name = unique('Duplicate order');
    const sale = await registerSale(s, w.registrant.token, { organizationId: w.customerId, distributions: [w.distributionId], numberOfUsers: 5, name });
    const id: string = sale.id;
    const approver = w.deciders[1] as Who;
    const rejected = await s.call('POST', `/v1/sales/${id}/reject`, { token: approver.token, body: { reason: 'Same order as PO-77' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Same order as PO-77' });

    const messageId = `<sale-${id}.rejected.${w.registrant.userId}@partnerflow>`;
    const mail = await mailTo(w.registrant.email, messageId);
    expect(mail.subject).toBe(`Sale rejected: ${name}`);
    expect(mail.text).toContain(`for ${w.customerName} has been rejected`);
    expect(mail.text).toContain('Reason: Same order as PO-77');
    expect(await s.client.workflow.getHandle(saleWorkflowId(id)).result()).toEqual({ status: 'rejected' });
    expect(messages(messageId)).toHaveLength(1);
    expect(await sentMails(id)).toBe(w.deciders.length + 1);
  });
});
