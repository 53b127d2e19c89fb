import type { Router } from '../../router';
import { registerAllotmentRoutes } from './allotments';
import { registerAssessmentRoutes } from './assessments';
import { registerCohortRoutes } from './cohorts';
import { registerPriceListRoutes } from './price-lists';
import { registerResponseRoutes } from './responses';

export function registerAllotmentLifecycleRoutes(app: Router) {
  registerAssessmentRoutes(app);
  registerPriceListRoutes(app);
  registerAllotmentRoutes(app);
  registerResponseRoutes(app);
  registerCohortRoutes(app);
}
