import type { Router } from '../../router';
import { registerAggregatorRoutes } from './aggregators';
import { registerProfileRoutes } from './profiles';
import { registerTariffRoutes } from './tariffs';

export function registerAggregatorLifecycleRoutes(app: Router) {
  registerTariffRoutes(app);
  registerAggregatorRoutes(app);
  registerProfileRoutes(app);
}
