// Every e-mail partnerflow sends by template name, with the data it needs. A notification is
// `{ id, to, template, data }`; the mail activity (or the API-side service) renders it here. Pure.
import { formatMoney } from '../sales/notifications';
import type { Money } from '../sales/types';
import { renderMessage, type MessageContent, type RenderedMessage } from './render';

export { escapeHtml, notificationIdOf, notificationMessageId, renderMessage, type MessageContent, type RenderedMessage } from './render';

export interface TemplateData {
  /** A one-time code proving an e-mail address for an access claim (groups). */
  'access.code': { name: string; groupName: string; code: string; attempts: number; expiresAt: string };
  /** One unique coupon code of a campaign, for one recipient of a sends job (groups). */
  'campaign.code': { name: string; groupName: string; code: string; endsAt: string | null };
  /** A respondent's invitation to an assessment, and its reminder before the response expires (allotments). */
  'response.invitation': { name: string; assessmentName: string; link: string; expiresAt: string; reminder: boolean };
  /** The buyer's receipt once a paid purchase's units are credited (allotments). */
  'purchase.receipt': {
    buyerName: string;
    purchaseId: string;
    organizationName: string;
    assessmentName: string;
    quantity: number;
    amount: Money;
    unitAmount: Money;
    paidAt: string;
  };
  /** A single-use link that signs a user in to the Partner Portal (platform). */
  'portal.sign-in': { name: string; link: string; expiresAt: string };
}

export type TemplateName = keyof TemplateData;


const TEMPLATES: { [T in TemplateName]: (d: TemplateData[T]) => MessageContent } = {
  'access.code': (d) => ({
    subject: `Your access code for ${d.groupName}`,
    greeting: `Hello ${d.name},`,
    paragraphs: [`your code to join ${d.groupName} is ${d.code}`, `It works ${d.attempts} tries and expires at ${d.expiresAt}.`],
    footer: 'If you did not ask for it, ignore this message.',
  }),
  'campaign.code': (d) => ({
    subject: `Your code for ${d.groupName}`,
    greeting: `Hello ${d.name},`,
    paragraphs: [
      `your personal code for ${d.groupName} is ${d.code}`,
      `It can be redeemed once${d.endsAt ? `, until ${d.endsAt}` : ''}. Keep it to yourself: it is yours alone.`,
    ],
    footer: `You receive this message because ${d.groupName} sent you a code.`,
  }),
  'response.invitation': (d) => ({
    subject: d.reminder ? `Reminder: your ${d.assessmentName} is waiting` : `You are invited to take ${d.assessmentName}`,
    greeting: `Hello ${d.name},`,
    paragraphs: [
      d.reminder ? `your ${d.assessmentName} is not completed yet and closes at ${d.expiresAt}.` : `you are invited to take ${d.assessmentName}.`,
      `The link is personal: do not forward it. It works until ${d.expiresAt}.`,
    ],
    action: { label: d.reminder ? 'Continue the assessment' : 'Start the assessment', url: d.link },
    footer: 'You receive this message because an organization invited you to this assessment.',
  }),
  'purchase.receipt': (d) => ({
    subject: `Receipt: ${d.quantity} × ${d.assessmentName} for ${d.organizationName}`,
    greeting: `Hello ${d.buyerName},`,
    paragraphs: [`thank you for your purchase. Its ${d.quantity} units are credited to ${d.organizationName}'s allotment and can be used now.`],
    facts: [
      ['Organization', d.organizationName],
      ['Assessment', d.assessmentName],
      ['Quantity', String(d.quantity)],
      ['Unit price', formatMoney(d.unitAmount)],
      ['Amount paid', formatMoney(d.amount)],
      ['Paid at', d.paidAt],
      ['Purchase', d.purchaseId],
    ],
    footer: 'You receive this receipt because you placed this purchase in partnerflow.',
  }),
  'portal.sign-in': (d) => ({
    subject: 'Your sign-in link for the partnerflow Partner Portal',
    greeting: `Hello ${d.name},`,
    paragraphs: [`use this link to sign in to the Partner Portal. It works once, until ${d.expiresAt}.`, 'Do not forward it: whoever opens it is signed in as you.'],
    action: { label: 'Sign in', url: d.link },
    footer: 'If you did not ask to sign in, ignore this message: nobody can sign in without the link.',
  }),
};

export function renderTemplate<T extends TemplateName>(template: T, data: TemplateData[T]): RenderedMessage {
  return renderMessage((TEMPLATES[template] as (d: TemplateData[T]) => MessageContent)(data));
}

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(TEMPLATES, name);
