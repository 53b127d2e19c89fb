import { z } from '@hono/zod-openapi';
import {
  flattenReportRow,
  GROUP_BY,
  REPORT_COLUMNS,
  REPORTED_STATUSES,
  SUBSCRIBER_COLUMNS,
  SUBSCRIBER_GROUP_BY,
  toCsv,
} from '../../../src/domain/groups/report';
import { SUBSCRIPTION_STATUSES } from '../../../src/domain/groups/subscriptions';
import { subscriberExport, subscriptionReport } from '../../../src/groups/reports';
import { requireRole } from '../../auth';

import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { csvStream, jsonStream } from './present';

const Format = z.enum(['json', 'csv']).optional().openapi({ description: 'csv, or send Accept: text/csv' });
const From = z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only subscriptions created at or after this instant' });
const To = z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only subscriptions created before this instant' });

const ReportQuery = z.object({
  groupBy: z.enum(GROUP_BY).openapi({ description: 'product | plan | group | campaign' }),
  format: Format,
  from: From,
  to: To,
});

const ByStatus = z.object(Object.fromEntries(REPORTED_STATUSES.map((s) => [s, z.number().int()]))).openapi({
  description: 'Every subscription of the segment by status (pending, or Stripe\'s), zeros included; released reservations are not counted',
});

const Counts = {
  subscriptions: z.number().int().openapi({ description: 'Live subscriptions: what Stripe says is running (trialing, active, past_due)' }),
  ownerSubscriptions: z.number().int(),
  userSubscriptions: z.number().int(),
  imported: z.number().int(),
  claimed: z.number().int().openapi({ description: 'Users subscribed through an IP or e-mail-domain claim' }),
  redemptions: z.number().int().openapi({ description: 'Completed code redemptions' }),
  pendingRedemptions: z.number().int().openapi({ description: 'Counted redemptions whose subscription Stripe is still creating' }),
  byStatus: ByStatus,
};

const Report = z
  .object({ groupBy: z.enum(GROUP_BY), generatedAt: z.date(), items: z.array(z.object(Counts).passthrough()), totals: z.object(Counts) })
  .openapi('SubscriptionReport');

const SubscriberQuery = z.object({
  groupBy: z.enum(SUBSCRIBER_GROUP_BY).optional().openapi({ description: 'Rows come segmented (ordered) by product, plan or group, then e-mail; default: by creation' }),
  productId: z.uuid().optional(),
  planId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional().openapi({ description: 'Only this status (failed: released reservations, left out otherwise)' }),
  format: Format,
  from: From,
  to: To,
});

const Subscriber = z
  .object({
    subscriptionId: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    email: z.string(),
    productId: z.uuid(),
    productName: z.string(),
    planId: z.uuid(),
    planName: z.string(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    role: z.enum(['owner', 'user']).nullable(),
    source: z.enum(['direct', 'import', 'shared_code', 'unique_code', 'ip', 'domain']),
    campaignId: z.uuid().nullable(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    live: z.boolean(),
    stripeSubscriptionId: z.string().nullable(),
    createdAt: z.date(),
    activatedAt: z.date().nullable(),
    statusAt: z.date().nullable(),
    endedAt: z.date().nullable(),
  })
  .openapi('Subscriber');

const wantsCsv = (format: 'json' | 'csv' | undefined, accept: string | undefined) => format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));

const route = routesOf('group subscriptions');

export function registerReportRoutes(app: Router) {
  app.openapi(
    route.get('/v1/reports/subscriptions', {
      description:
        'Subscriptions and redemptions segmented by product, plan, group or campaign, as JSON or CSV, with counts by status. ' +
        'subscriptions counts only what Stripe says is live (trialing, active, past_due). Admins see every segment (zeros ' +
        'included); managers the segments their groups account for.',
      request: { query: ReportQuery },
      ok: { 200: { description: 'The report', content: { 'application/json': { schema: Report }, 'text/csv': { schema: z.string() } } } },
      errors: [403],
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await subscriptionReport(c.var.deps, requireRole(c, 'admin', 'manager'), q);
      if (wantsCsv(q.format, c.req.header('accept'))) {
        return c.body(toCsv(REPORT_COLUMNS[q.groupBy], report.items.map(flattenReportRow)), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="subscriptions-by-${q.groupBy}.csv"`,
        });
      }
      return c.json(report, 200);
    },
  );

  app.openapi(
    route.get('/v1/reports/subscribers', {
      description:
        'Every subscriber, one row per subscription: customer, e-mail, product, plan, group, source (direct, import, shared_code, ' +
        'unique_code, ip, domain), status, live and dates. Filter by productId, planId, groupId, status and creation (from, to); ' +
        'groupBy orders the rows by product, plan or group. CSV (Accept: text/csv or format=csv) or JSON `{ generatedAt, items }`, ' +
        'streamed as it is read. Admins: every subscription; managers: those of their groups.',
      request: { query: SubscriberQuery },
      ok: {
        200: {
          description: 'The subscribers',
          content: {
            'application/json': { schema: z.object({ generatedAt: z.date(), items: z.array(Subscriber) }) },
            'text/csv': { schema: z.string().openapi({ example: `${SUBSCRIBER_COLUMNS.join(',')}\r\n` }) },
          },
        },
      },
      errors: [403, 404],
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await subscriberExport(c.var.deps, requireRole(c, 'admin', 'manager'), q);
      if (wantsCsv(q.format, c.req.header('accept'))) {
        return c.body(csvStream(SUBSCRIBER_COLUMNS, rows), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="subscribers${q.groupBy ? `-by-${q.groupBy}` : ''}.csv"`,
        });
      }
      return c.body(jsonStream(new Date(), rows), 200, { 'content-type': 'application/json; charset=utf-8' });
    },
  );
}
