// partnerflow/client: a typed client for the partnerflow API. The types (schema.d.ts) are
// generated from the API's OpenAPI document by `npm run client:generate`; requests go through
// openapi-fetch, so a path, a parameter, a body field or an answer that does not match the
// API is a compile error.
//
//   import { createPartnerflowClient } from 'partnerflow/client';
//   const api = createPartnerflowClient({ baseUrl: 'http://localhost:3000', token: process.env.TOKEN });
//   const { data, error } = await api.POST('/v1/organizations', { body: { name: 'Acme' } });
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';
export { createClient };

/** A schema of the document by name: `Schema<'Organization'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The problem+json body every refusal carries (RFC 9457, with the stable `code`). */
export type Problem = components['schemas']['Problem'];

export type PartnerflowClient = Client<paths>;

export interface PartnerflowClientOptions extends ClientOptions {
  /** The API's address, e.g. `http://localhost:3000` (paths start with `/v1/`). */
  baseUrl: string;
  /** A bearer token (`pf_…`); none for the public endpoints. */
  token?: string | null;
}

/** A client for one caller: its token goes in every request's Authorization header. */
export function createPartnerflowClient({ token, headers, ...options }: PartnerflowClientOptions): PartnerflowClient {
  return createClient<paths>({
    ...options,
    headers: { ...(headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}
