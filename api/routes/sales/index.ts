import type { Router } from '../../router';
import { registerDistributionRoutes } from './distributions';
import { registerSaleKeyRoutes } from './keys';
import { registerSaleRoutes } from './sales';

/** The catalog, the sales and their licence keys, in the order the API has always registered them. */
export function registerSaleLifecycleRoutes(app: Router) {
  registerDistributionRoutes(app);
  registerSaleRoutes(app);
  registerSaleKeyRoutes(app);
}
