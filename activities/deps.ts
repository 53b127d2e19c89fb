import type Stripe from 'stripe';
import type { Client } from '@temporalio/client';
import type { Sql } from '../src/db/connect';
import type { Mailer } from '../src/mail';
import type { Logger } from '../src/logger';

/** What activities may touch. Tests pass real ones (or typed fakes for unit tests). */
export interface ActivityDeps {
  sql: Sql;
  stripe: Stripe | null;
  mail: Mailer;
  logger: Logger;
  /** For activities that signal or start other workflows (e.g. a job spawning invitations). */
  temporal: Client;
  taskQueue: string;
}
