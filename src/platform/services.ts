import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import type { Config } from '../config';
import type { Sql } from '../db/connect';
import type { Logger } from '../logger';
import type { Mailer } from '../mail';

/** The settings services read; the composition root passes them from the validated config. */
export type ServiceConfig = Pick<
  Config,
  'PUBLIC_BASE_URL' | 'PURCHASE_PAYMENT_TIMEOUT_HOURS' | 'STRIPE_WEBHOOK_SECRET' | 'RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE' | 'RATE_LIMIT_USES_PER_MINUTE' | 'WEBHOOK_ALLOW_PRIVATE'
> & {
  /** SECRETS_KEY, or the key npm start generated under DATA_DIR (src/composition/secrets-key.ts). */
  SECRETS_KEY: string;
};

/**
 * What every service, activity and route handler may touch, built once by the composition root
 * (or a test's stack) and passed down. Functions take `Pick<Services, …>` of what they use.
 */
export interface Services {
  sql: Sql;
  /** Starts, signals and queries workflows. */
  temporal: Client;
  taskQueue: string;
  /** null while Stripe is not connected (no STRIPE_SECRET_KEY). */
  stripe: Stripe | null;
  mail: Mailer;
  logger: Logger;
  config: ServiceConfig;
}
