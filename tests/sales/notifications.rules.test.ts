import { describe, expect, it } from 'vitest';
import { approvalRequestMail, formatMoney, rejectedMail, saleMessageId } from '../../src/domain/sales/notifications';

describe('sale notifications', () => {
  it('shows money in the currency\'s own decimals', () => {
    expect(formatMoney({ amount: 50_000, currency: 'EUR' })).toBe('EUR 500.00');
    expect(formatMoney({ amount: 1_250, currency: 'JPY' })).toBe('JPY 1,250');
    expect(formatMoney({ amount: 1_234, currency: 'KWD' })).toBe('KWD 1.234');
  });

  it('gives each notification to each recipient one Message-ID, whatever the attempt', () => {
    const sale = { id: 's1', name: 'Plan', resellerName: null, registrant: { name: 'Ann', email: 'ann@x.test' }, customerName: 'School', activationDate: '2027-03-01', lines: [{ name: 'A', numberOfUsers: 3 }, { name: 'B', numberOfUsers: 4 }], totals: [{ amount: 100, currency: 'EUR' }, { amount: 250, currency: 'USD' }] };
    const to = { id: 'u1', name: 'Bo', email: 'bo@x.test' };
    const mail = approvalRequestMail(sale, to);
    expect(mail.messageId).toBe(saleMessageId('s1', 'registered', 'u1'));
    expect(approvalRequestMail(sale, to)).toEqual(mail);
    expect(mail.text).toContain('Reseller: none (registered by a site admin)');
    expect(mail.text).toContain('Seats: 7 (A: 3, B: 4)');
    expect(mail.text).toContain('Total: EUR 1.00 + USD 2.50');
    expect(rejectedMail({ id: 's1', name: 'Plan', customerName: 'School' }, to, 'why').messageId).toBe('<sale-s1.rejected.u1@partnerflow>');
  });
});
