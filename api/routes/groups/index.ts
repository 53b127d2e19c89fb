import type { Router } from '../../router';
import { registerCampaignRoutes } from './campaigns';
import { registerCatalogRoutes } from './catalog';
import { registerCodeSendRoutes } from './code-sends';
import { registerGroupRoutes } from './groups';
import { registerPublicGroupRoutes } from './public';
import { registerReportRoutes } from './reports';

export function registerGroupLifecycleRoutes(app: Router) {
  registerPublicGroupRoutes(app);
  registerCatalogRoutes(app);
  registerGroupRoutes(app);
  registerCampaignRoutes(app);
  registerCodeSendRoutes(app);
  registerReportRoutes(app);
}
