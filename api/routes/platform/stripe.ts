import { createRoute, z } from '@hono/zod-openapi';
import { receiveStripeWebhook } from '../../../src/platform/stripe-events';
import type { Router } from '../../router';
import { errorResponses, json } from '../../schemas';

export function registerStripeRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/stripe/webhook', tags: ['stripe'], security: [],
      description:
        'Stripe events, verified by the Stripe-Signature header (400 INVALID_SIGNATURE, also for a timestamp more than 5 minutes ahead) and parsed as ' +
        'Stripe documents them (400 VALIDATION_FAILED naming what is missing). checkout.session.completed and payment_intent.succeeded pay a purchase when ' +
        'they are its payment (id, amount, currency); charge.refunded and charge.dispute.created take units back; each event id is applied once.',
      request: {
        headers: z.object({ 'stripe-signature': z.string().optional() }),
        // Read as it arrived (the signature covers its bytes), so it is described, not parsed by a schema.
        body: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'A Stripe Event, as Stripe sends it' } } } },
      },
      responses: { 200: json(z.object({ received: z.boolean(), result: z.enum(['applied', 'duplicate', 'ignored']) })), ...errorResponses(409) },
    }),
    async (c) => {
      const result = await receiveStripeWebhook(c.var.deps, { signature: c.req.header('stripe-signature'), payload: await c.req.text() });
      return c.json({ received: true, result }, 200);
    },
  );
}
