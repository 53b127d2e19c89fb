import Stripe from 'stripe';

/** The Stripe client when a secret key is configured ("Stripe connected"), otherwise null. */
export function createStripe(opts: { secretKey?: string; apiUrl?: string }): Stripe | null {
  if (!opts.secretKey) return null;
  const target = opts.apiUrl ? new URL(opts.apiUrl) : undefined;
  return new Stripe(opts.secretKey, {
    maxNetworkRetries: 2,
    ...(target && {
      host: target.hostname,
      port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
      protocol: target.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}
