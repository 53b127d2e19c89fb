// The low-balance alert's e-mail, written once. Pure: the activity loads what it needs and calls
// this; the workflow sends the result through the durable mail activity.
import type { Mail } from '../../mail';
import type { AllotmentColumns } from '../events';
import { renderMessage } from '../mail-templates/render';

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/**
 * The notification id of one crossing (`<seq>` counts the allotment's crossings): the mail
 * workflow's id and, per recipient, the Message-ID, the same on every attempt to send it.
 */
export const lowBalanceNotificationId = (organizationId: string, assessmentId: string, seq: number): string =>
  `low-balance-${organizationId}-${assessmentId}-${seq}`;

export const lowBalanceMessageId = (notificationId: string, recipientId: string): string => `<${notificationId}.${recipientId}@partnerflow>`;

export interface LowBalanceNotice {
  notificationId: string;
  organizationName: string;
  assessmentName: string;
  unit: 'response' | 'cohort';
  threshold: number;
  columns: AllotmentColumns;
}

/** One manager learns that the allotment is at or below its threshold, and what holds the units. */
export function lowBalanceMail(n: LowBalanceNotice, to: Recipient): Mail {
  const units = n.unit === 'cohort' ? 'cohort units' : 'response units';
  const c = n.columns;
  return {
    to: to.email,
    messageId: lowBalanceMessageId(n.notificationId, to.id),
    ...renderMessage({
      subject: `Low balance: ${c.available} ${units} left for ${n.assessmentName} (${n.organizationName})`,
      greeting: `Hello ${to.name},`,
      paragraphs: [
        `${n.organizationName} has ${c.available} ${units} available for ${n.assessmentName}, at or below the low-balance threshold of ${n.threshold}.`,
        'Buy more units before new responses are refused. You will not be told again until the balance has risen above the threshold.',
      ],
      facts: [
        ['Allocated', String(c.allocated)],
        ['Used', String(c.used)],
        ['Held by open invitations', String(c.unexpired)],
        ['Expired', String(c.expired)],
        ['Available', String(c.available)],
      ],
      footer: `You receive this message because you manage ${n.organizationName} in partnerflow.`,
    }),
  };
}
