import type { Mail } from '../../src/mail';
import type { ActivityDeps } from '../deps';

export function createMailActivities({ mail }: Pick<ActivityDeps, 'mail'>) {
  return {
    /** At-least-once: a retried send may deliver twice, which is the accepted trade-off for mail. */
    async sendMail(message: Mail): Promise<void> {
      await mail.send(message);
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;
