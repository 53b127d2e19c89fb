import { describe, expect, it } from 'vitest';
import { readMail } from '../support/mail';
import { deliver, paymentIntent, stripeEvent } from './stripe';
import { partnerSuite, waitFor } from './world';

describe('the purchase receipt', () => {
  const { s, w } = partnerSuite();
  const mailsTo = (email: string) => s.smtp.to(email);

  it('e-mails the buyer once when the units are credited: amount, quantity, assessment, organization', async () => {
    const p = (await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, currency: 'EUR', quantity: 12 } })).body;
    expect(p.status).toBe('pending_payment');
    expect(mailsTo(w.manager.email)).toHaveLength(0);
    const intent = paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id });
    // Stripe delivers the same news twice, under two event ids.
    for (const id of [`evt_receipt_${p.id}`, `evt_receipt_again_${p.id}`]) expect((await deliver(s, stripeEvent('payment_intent.succeeded', intent, id))).status).toBe(200);
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('paid');

    const [received] = await waitFor(async () => mailsTo(w.manager.email), (l) => l.length > 0, { what: 'the receipt' });
    const mail = readMail(received!.raw);
    const [org] = await s.sql`select name from organizations where id = ${w.organizationId}`;
    const [assessment] = await s.sql`select name from assessments where id = ${w.assessmentId}`;
    expect(mail.messageId).toBe(`<purchase-${p.id}.receipt@partnerflow>`);
    expect(mail.subject).toBe(`Receipt: 12 × ${assessment!.name} for ${org!.name}`);
    expect(mail.text).toContain(`Organization: ${org!.name}\n`);
    expect(mail.text).toContain(`Assessment: ${assessment!.name}\n`);
    expect(mail.text).toContain('Quantity: 12\n');
    expect(mail.text).toContain(`Amount paid: EUR ${(p.amount.amount / 100).toFixed(2)}\n`);
    expect(mail.text).toContain(`Purchase: ${p.id}`);
    expect(mail.html).toContain(`<th style="text-align:left;padding:2px 12px 2px 0">Amount paid</th><td style="padding:2px 0">EUR ${(p.amount.amount / 100).toFixed(2)}</td>`);
    expect(mailsTo(w.manager.email)).toHaveLength(1);
  });
});
