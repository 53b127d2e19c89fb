import type { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { registerCampaignScreens } from './campaigns';
import { registerGroupPage } from './group';
import { registerImportScreens } from './imports';
import { registerGroupList } from './list';
import { registerReportScreens } from './reports';

/**
 * The Groups room (docs/portal.md, "Groups"): groups, their campaigns (create, export codes,
 * send unique codes by e-mail), imports of group users, and subscription reports. Every action
 * calls the same service as the group-subscription API (docs/groups.md).
 */
export function registerGroups(r: Hono<AppEnv>) {
  registerGroupList(r);
  registerReportScreens(r);
  registerGroupPage(r);
  registerCampaignScreens(r);
  registerImportScreens(r);
}
