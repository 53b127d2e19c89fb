import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { registerAdmin } from './admin';
import { registerHome } from './home';

/**
 * Every signed-in screen, one line per room (api/portal/<room>/). Each screen calls the same
 * services as the HTTP API, with the session's principal.
 */
export function registerScreens(r: Hono<AppEnv>) {
  registerHome(r);
  registerAdmin(r);
}
