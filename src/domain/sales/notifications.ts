// The e-mails a sale's lifecycle sends, written once. Pure: the activities load what they need
// and call these (text and HTML from the one layout in src/domain/mail-templates/); the workflow
// sends the result through the durable mail activity, once per Message-ID.
import type { Mail } from '../../mail';
import { renderMessage, type MessageContent } from '../mail-templates/render';
import type { Money } from './types';

/** What a notification is about; part of its Message-ID. */
export type SaleNotice = 'registered' | 'approved' | 'rejected' | 'cancelled-early';

/**
 * The Message-ID of one notification to one recipient: the same on every attempt to send it, so
 * a send retried after a lost answer is the same message, which receivers deduplicate.
 */
export const saleMessageId = (saleId: string, notice: SaleNotice, recipientId: string): string =>
  `<sale-${saleId}.${notice}.${recipientId}@partnerflow>`;

/** `EUR 1,250.00`: integer minor units shown with the currency's own decimals. */
export function formatMoney({ amount, currency }: Money): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
    // Intl separates the code with a no-break space; mail readers and searches expect a plain one.
    return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2)).replace(/\u00a0/g, ' ');
  } catch {
    return `${currency} ${amount} (minor units)`;
  }
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** What an approver needs to decide a sale without opening it. */
export interface SaleSummary {
  id: string;
  name: string;
  /** The organization of the user who registered it (null: registered by an admin, who has none). */
  resellerName: string | null;
  registrant: { name: string; email: string };
  customerName: string;
  activationDate: string;
  lines: { name: string; numberOfUsers: number }[];
  totals: Money[];
}

const seats = (lines: SaleSummary['lines']) => lines.reduce((n, l) => n + l.numberOfUsers, 0);

const mail = (to: Recipient, messageId: string, content: MessageContent): Mail => ({ to: to.email, messageId, ...renderMessage(content) });

/** Seed 001: "when you create a new sale, the status is Pending Approval": every approver who may decide it hears of it. */
export function approvalRequestMail(sale: SaleSummary, to: Recipient): Mail {
  const reseller = sale.resellerName ?? 'none (registered by a site admin)';
  const perLine = sale.lines.map((l) => `${l.name}: ${l.numberOfUsers}`).join(', ');
  return mail(to, saleMessageId(sale.id, 'registered', to.id), {
    subject: `Sale waiting for approval: ${sale.name}`,
    greeting: `Hello ${to.name},`,
    paragraphs: ['a sale waits for approval.'],
    facts: [
      ['Sale', sale.name],
      ['Reseller', `${reseller} (registered by ${sale.registrant.name} <${sale.registrant.email}>)`],
      ['Customer', sale.customerName],
      ['Seats', `${seats(sale.lines)} (${perLine})`],
      ['Total', sale.totals.map(formatMoney).join(' + ')],
      ['Activation date', sale.activationDate],
      ['Sale id', sale.id],
    ],
    footer: `Approve or reject it with POST /v1/sales/${sale.id}/approve or /reject.`,
  });
}

/** The registering user learns of the approval (seed 001: "You will receive a notification email once the sale has been approved"). */
export function approvedMail(sale: { id: string; name: string; activationDate: string; cancellationDate: string }, to: Recipient): Mail {
  return mail(to, saleMessageId(sale.id, 'approved', to.id), {
    subject: `Sale approved: ${sale.name}`,
    greeting: `Hello ${to.name},`,
    paragraphs: [`your sale "${sale.name}" has been approved.\nIt becomes active on ${sale.activationDate} and ends on ${sale.cancellationDate}.`],
  });
}

/** The registering user learns that an admin cancelled the active sale early, with the reason. */
export function cancelledEarlyMail(sale: { id: string; name: string; customerName: string }, to: Recipient, reason: string): Mail {
  return mail(to, saleMessageId(sale.id, 'cancelled-early', to.id), {
    subject: `Sale cancelled: ${sale.name}`,
    greeting: `Hello ${to.name},`,
    paragraphs: [`your sale "${sale.name}" for ${sale.customerName} has been cancelled before its end date; its licence keys no longer work.`, `Reason: ${reason}`],
  });
}

/** The registering user learns of a rejection, with the approver's reason. */
export function rejectedMail(sale: { id: string; name: string; customerName: string }, to: Recipient, reason: string): Mail {
  return mail(to, saleMessageId(sale.id, 'rejected', to.id), {
    subject: `Sale rejected: ${sale.name}`,
    greeting: `Hello ${to.name},`,
    paragraphs: [`your sale "${sale.name}" for ${sale.customerName} has been rejected.`, `Reason: ${reason}`],
  });
}
