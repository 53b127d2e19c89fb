import type { Config } from '../src/config';
import type { Principal } from '../src/domain/principal';
import type { Logger } from '../src/logger';
import type { Services } from '../src/platform/services';
import type { Withheld } from './idempotency';

/** Everything the HTTP layer needs, passed once to createApp: the services plus HTTP settings. */
export interface AppDeps extends Services {
  config: Services['config'] & Pick<Config, 'TRUSTED_PROXIES' | 'MAX_BODY_BYTES'>;
}

export interface PortalSession {
  /** The cookie's secret: only its hash is stored. */
  secret: string;
  /** The anti-forgery token every portal form and htmx request carries. */
  csrf: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal | null;
    requestId: string;
    log: Logger;
    /** The caller's address (api/client-ip.ts), resolved on first use: most requests never need it. */
    clientIp: () => string;
    /** The Partner Portal's session behind the cookie (api/portal/session.ts); unset on the API. */
    portal?: PortalSession;
    /** Set by a route whose answer carries a secret (api/idempotency.ts withholdOnReplay). */
    withheld?: Withheld;
  };
}
