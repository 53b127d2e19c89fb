import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { registerGroups } from './groups';
import { registerAllotments } from './allotments/index';
import { registerAdmin } from './admin';
import { registerHome } from './home';
import { registerSales } from './sales';
import { registerResponses } from './responses';

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
