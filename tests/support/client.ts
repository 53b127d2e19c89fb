import { createPartnerflowClient, type PartnerflowClient } from 'partnerflow/client';

export type Api = PartnerflowClient;

/**
 * The typed client (`partnerflow/client`) for one caller of a test's API: seeding through it
 * compiles the tests against the OpenAPI document, so `npm run typecheck` fails when the
 * contract drifts (after `npm run client:generate`).
 */
export const apiClient = (baseUrl: string, token: string | null): Api => createPartnerflowClient({ baseUrl, token });

type Answer = { data?: unknown; error?: unknown; response: Response };

/** The body of a successful answer (of exactly `status` when given); otherwise throws with what the API answered. */
export async function ok<R extends Answer>(call: Promise<R>, status?: number): Promise<NonNullable<R['data']>> {
  const r = await call;
  if (r.error !== undefined || !r.response.ok || (status !== undefined && r.response.status !== status)) {
    const expected = status === undefined ? '' : ` (expected ${status})`;
    throw new Error(`${r.response.status}${expected} from ${r.response.url}: ${JSON.stringify(r.error ?? r.data)}`);
  }
  return r.data as NonNullable<R['data']>;
}
