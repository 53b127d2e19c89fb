import type { Config } from '../src/config';
import type { Principal } from '../src/domain/principal';
import type { Logger } from '../src/logger';
import type { Services } from '../src/platform/services';
import type { Withheld } from './idempotency';

/** Everything the HTTP layer needs, passed once to createApp: the services plus HTTP settings. */
export interface AppDeps extends Services {
  config: Services['config'] & Pick<Config, 'TRUSTED_PROXIES' | 'MAX_BODY_BYTES'>;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal | null;
    requestId: string;
    log: Logger;
    clientIp: string;
    /** Set by a route whose answer carries a secret (api/idempotency.ts withholdOnReplay). */
    withheld?: Withheld;
  };
}
