import type { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { registerCohortScreens } from './cohorts';
import { registerJobScreen } from './job';
import { registerResponseScreens } from './responses';
import { registerShareLinkScreens } from './share-links';

/**
 * The managers' Responses room (docs/portal.md "Responses"): responses one by one and by CSV with
 * the job's progress, share links, cohorts. Every action calls the same service as the API.
 */
export function registerResponses(r: Hono<AppEnv>) {
  registerResponseScreens(r);
  registerJobScreen(r);
  registerShareLinkScreens(r);
  registerCohortScreens(r);
}
