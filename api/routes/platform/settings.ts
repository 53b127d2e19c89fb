import { createRoute, z } from '@hono/zod-openapi';
import { changeSettings, readSettings } from '../../../src/platform/settings';
import { principalOf, requireRole } from '../../auth';
import type { Router } from '../../router';
import { errorResponses, json, jsonBody } from '../../schemas';

const Settings = z
  .object({
    useAllotments: z.boolean(),
    stripeConnected: z.boolean().openapi({ description: 'Read-only: true when a Stripe secret key is configured' }),
  })
  .openapi('Settings');

export const SettingsPatch = z.strictObject({ useAllotments: z.boolean().optional() });

export function registerSettingsRoutes(app: Router) {
  app.openapi(
    createRoute({ method: 'get', path: '/v1/settings', tags: ['settings'], responses: { 200: json(Settings), ...errorResponses() } }),
    async (c) => {
      principalOf(c);
      return c.json(await readSettings(c.var.deps), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/v1/settings', tags: ['settings'], request: { body: jsonBody(SettingsPatch) }, responses: { 200: json(Settings), ...errorResponses(403) } }),
    async (c) => c.json(await changeSettings(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 200),
  );
}
