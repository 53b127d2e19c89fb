import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../src/domain/principal';
import { recordAudit } from '../../src/repos/audit';
import { getSettings, updateSettings } from '../../src/repos/settings';
import { principalOf, requireRole } from '../auth';
import { errorResponses, json, jsonBody } from '../schemas';
import type { Router } from '.';

const Settings = z
  .object({
    useAllotments: z.boolean(),
    stripeConnected: z.boolean().openapi({ description: 'Read-only: true when a Stripe secret key is configured' }),
  })
  .openapi('Settings');

const SettingsPatch = z.strictObject({ useAllotments: z.boolean().optional() });

export function registerSettingsRoutes(app: Router) {
  app.openapi(
    createRoute({ method: 'get', path: '/v1/settings', tags: ['settings'], responses: { 200: json(Settings), ...errorResponses() } }),
    async (c) => {
      principalOf(c);
      const s = await getSettings(c.var.deps.sql);
      return c.json({ ...s, stripeConnected: c.var.deps.stripe !== null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/settings',
      tags: ['settings'],
      request: { body: jsonBody(SettingsPatch) },
      responses: { 200: json(Settings), ...errorResponses(403) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin');
      const patch = c.req.valid('json');
      const after = await c.var.deps.sql.begin(async (tx) => {
        const before = await getSettings(tx);
        const updated = await updateSettings(tx, patch);
        await recordAudit(tx, { actor: actorOf(p), entity: 'settings', entityId: 'site', action: 'update', before, after: updated });
        return updated;
      });
      return c.json({ ...after, stripeConnected: c.var.deps.stripe !== null }, 200);
    },
  );
}
