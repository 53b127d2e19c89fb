import { describe, expect, it } from 'vitest';
import { escapeHtml, notificationIdOf, notificationMessageId, renderMessage, renderTemplate } from '../../src/domain/mail-templates';

describe('mail templates', () => {
  it('renders one content as a text part and an HTML part, escaping everything put into the HTML', () => {
    const m = renderMessage({
      subject: 'Hi <there>',
      greeting: 'Hello <b>Ann</b> & co,',
      paragraphs: ['a "quoted" line'],
      facts: [['Seats', '3 < 4']],
      action: { label: 'Start', url: 'https://assess.example/start/abc?x=1&y="2"' },
      footer: "Why you got this",
    });
    expect(m.text).toBe('Hello <b>Ann</b> & co,\n\na "quoted" line\n\nSeats: 3 < 4\n\nStart: https://assess.example/start/abc?x=1&y=%222%22\n\n--\nWhy you got this\n');
    expect(m.html).toContain('<title>Hi &lt;there&gt;</title>');
    expect(m.html).toContain('Hello &lt;b&gt;Ann&lt;/b&gt; &amp; co,');
    expect(m.html).toContain('a &quot;quoted&quot; line');
    expect(m.html).toContain('<td style="padding:2px 0">3 &lt; 4</td>');
    expect(m.html).toContain('href="https://assess.example/start/abc?x=1&amp;y=%222%22"');
    expect(m.html).not.toContain('<b>');
  });

  it('puts no link in a message but an http(s) one', () => {
    expect(() => renderMessage({ subject: 's', paragraphs: [], action: { label: 'x', url: 'javascript:alert(1)' } })).toThrow(/http/);
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });

  it('derives the Message-ID from the notification id, and back', () => {
    expect(notificationMessageId('purchase-1.receipt')).toBe('<purchase-1.receipt@partnerflow>');
    expect(notificationIdOf('<purchase-1.receipt@partnerflow>')).toBe('purchase-1.receipt');
    expect(notificationIdOf('<abc@elsewhere>')).toBeUndefined();
  });

  it('writes a receipt with amount, quantity, assessment and organization', () => {
    const m = renderTemplate('purchase.receipt', {
      buyerName: 'Bo', purchaseId: 'p1', organizationName: 'Acme & Sons', assessmentName: 'IT PRO', quantity: 10,
      amount: { amount: 9000, currency: 'EUR' }, unitAmount: { amount: 900, currency: 'EUR' }, paidAt: '2027-01-02T03:04:05.000Z',
    });
    expect(m.subject).toBe('Receipt: 10 × IT PRO for Acme & Sons');
    expect(m.text).toContain('Amount paid: EUR 90.00\n');
    expect(m.text).toContain('Quantity: 10\n');
    expect(m.html).toContain('Acme &amp; Sons');
  });
});
