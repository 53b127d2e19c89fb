import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { registerAdmin } from './admin';
import { registerAllotments } from './allotments/index';
import { registerGroups } from './groups';
import { registerHome } from './home';
import { registerResponses } from './responses';
import { registerSales } from './sales';

/**
 * Every signed-in screen, one line per room (api/portal/<room>/). Each screen calls the same
 * services as the HTTP API, with the session's principal.
 */
export function registerScreens(r: Hono<AppEnv>) {
  registerHome(r);
  registerGroups(r);
  registerAllotments(r);
  registerSales(r);
  registerResponses(r);
  registerAdmin(r);
}
