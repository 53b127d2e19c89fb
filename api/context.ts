import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import type { Config } from '../src/config';
import type { Sql } from '../src/db/connect';
import type { Principal } from '../src/domain/principal';
import type { Logger } from '../src/logger';
import type { Mailer } from '../src/mail';

/** Everything the HTTP layer needs, passed once to createApp. */
export interface AppDeps {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  stripe: Stripe | null;
  mail: Mailer;
  config: Pick<Config, 'STRIPE_WEBHOOK_SECRET' | 'TRUSTED_PROXIES' | 'MAX_BODY_BYTES' | 'PUBLIC_BASE_URL' | 'PURCHASE_PAYMENT_TIMEOUT_HOURS'>;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal | null;
    requestId: string;
    log: Logger;
    clientIp: string;
  };
}
