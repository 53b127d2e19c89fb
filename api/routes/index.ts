import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context';
import { registerAllotmentLifecycleRoutes } from './allotments';
import { registerAuditRoutes } from './audit';
import { registerGroupLifecycleRoutes } from './groups';
import { registerHealthRoutes } from './health';
import { registerOrganizationRoutes } from './organizations';
import { registerSettingsRoutes } from './settings';
import { registerUserRoutes } from './users';

export type Router = OpenAPIHono<AppEnv>;

export function registerRoutes(app: Router): void {
  registerHealthRoutes(app);
  registerSettingsRoutes(app);
  registerOrganizationRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerAllotmentLifecycleRoutes(app);
  registerGroupLifecycleRoutes(app);
}
