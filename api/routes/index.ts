import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context';
import { registerAggregatorLifecycleRoutes } from './aggregators';
import { registerAllotmentLifecycleRoutes } from './allotments';
import { registerAuditRoutes } from './audit';
import { registerDistributionRoutes } from './distributions';
import { registerGroupLifecycleRoutes } from './groups';
import { registerHealthRoutes } from './health';
import { registerOrganizationRoutes } from './organizations';
import { registerSaleKeyRoutes } from './sale-keys';
import { registerSaleRoutes } from './sales';
import { registerSettingsRoutes } from './settings';
import { registerUserRoutes } from './users';

export type Router = OpenAPIHono<AppEnv>;

export function registerRoutes(app: Router): void {
  registerHealthRoutes(app);
  registerSettingsRoutes(app);
  registerOrganizationRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerDistributionRoutes(app);
  registerSaleRoutes(app);
  registerSaleKeyRoutes(app);
  registerAllotmentLifecycleRoutes(app);
  registerGroupLifecycleRoutes(app);
  registerAggregatorLifecycleRoutes(app);
}
