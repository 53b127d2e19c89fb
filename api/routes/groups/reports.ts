import { z } from '@hono/zod-openapi';
import { GROUP_BY, REPORT_COLUMNS, toCsv } from '../../../src/domain/groups/report';
import { subscriptionReport } from '../../../src/groups/reports';
import { requireRole } from '../../auth';

import { routesOf } from '../../route-spec';
import type { Router } from '../../router';

const ReportQuery = z.object({
  groupBy: z.enum(GROUP_BY).openapi({ description: 'product | plan | group | campaign' }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv, or send Accept: text/csv' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only subscriptions created at or after this instant' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only subscriptions created before this instant' }),
});

const Counts = {
  subscriptions: z.number().int().openapi({ description: 'Subscriptions that exist in Stripe' }),
  ownerSubscriptions: z.number().int(),
  userSubscriptions: z.number().int(),
  imported: z.number().int(),
  claimed: z.number().int().openapi({ description: 'Users subscribed through an IP or e-mail-domain claim' }),
  redemptions: z.number().int().openapi({ description: 'Completed code redemptions' }),
  pendingRedemptions: z.number().int().openapi({ description: 'Counted redemptions whose subscription Stripe is still creating' }),
};

const Report = z
  .object({ groupBy: z.enum(GROUP_BY), generatedAt: z.date(), items: z.array(z.object(Counts).passthrough()), totals: z.object(Counts) })
  .openapi('SubscriptionReport');

const route = routesOf('group subscriptions');

export function registerReportRoutes(app: Router) {
  app.openapi(
    route.get('/v1/reports/subscriptions', {
      description:
        'Subscriptions and redemptions segmented by product, plan, group or campaign, as JSON or CSV. Admins see every segment (zeros ' +
        'included); managers the segments their groups account for.',
      request: { query: ReportQuery },
      ok: { 200: { description: 'The report', content: { 'application/json': { schema: Report }, 'text/csv': { schema: z.string() } } } },
      errors: [403],
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await subscriptionReport(c.var.deps, requireRole(c, 'admin', 'manager'), q);
      const wantsCsv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/i.test(c.req.header('accept') ?? ''));
      if (wantsCsv) {
        return c.body(toCsv(REPORT_COLUMNS[q.groupBy], report.items), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="subscriptions-by-${q.groupBy}.csv"`,
        });
      }
      return c.json(report, 200);
    },
  );
}
