// Respondent invitation e-mails: the link template, the link, the reminder's instant and the
// notification ids. Pure (the workflow imports the timing and the ids).

const DAY_MS = 86_400_000;

/** An http(s) URL with exactly one `{token}` and no other braces. */
export function isInvitationUrlTemplate(template: string): boolean {
  if (template.split('{token}').length !== 2) return false;
  const probe = template.replace('{token}', 'token');
  if (/[{}\s]/.test(probe)) return false;
  try {
    const url = new URL(probe);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The link in an e-mail: the template with the token in place of `{token}`. */
export const invitationLink = (template: string, token: string) => template.replace('{token}', encodeURIComponent(token));

/** When the reminder goes: `days` before the expiry (ms since the epoch). */
export const reminderInstant = (expiresAtMs: number, days: number) => expiresAtMs - days * DAY_MS;

export const invitationNotificationId = (responseId: string) => `response-${responseId}.invitation`;

/** One reminder per expiry instant: an extension gets a fresh one, the same instant never a second. */
export const reminderNotificationId = (responseId: string, expiresAt: string) => `response-${responseId}.reminder-${new Date(expiresAt).toISOString()}`;
