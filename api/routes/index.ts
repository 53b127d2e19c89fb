import type { Router } from '../router';
import { registerAggregatorLifecycleRoutes } from './aggregators';
import { registerAllotmentLifecycleRoutes } from './allotments';
import { registerAuditRoutes } from './platform/audit';
import { registerGroupLifecycleRoutes } from './groups';
import { registerHealthRoutes } from './platform/health';
import { registerJobRoutes } from './platform/jobs';
import { registerOrganizationRoutes } from './platform/organizations';
import { registerReconciliationRoutes } from './platform/reconciliation';
import { registerSaleLifecycleRoutes } from './sales';
import { registerSettingsRoutes } from './platform/settings';
import { registerStripeRoutes } from './platform/stripe';
import { registerUserRoutes } from './platform/users';
import { registerWebhookRoutes } from './platform/webhooks';

export function registerRoutes(app: Router): void {
  registerHealthRoutes(app);
  registerSettingsRoutes(app);
  registerOrganizationRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerJobRoutes(app);
  registerReconciliationRoutes(app);
  registerStripeRoutes(app);
  registerWebhookRoutes(app);
  registerSaleLifecycleRoutes(app);
  registerAllotmentLifecycleRoutes(app);
  registerGroupLifecycleRoutes(app);
  registerAggregatorLifecycleRoutes(app);
}
