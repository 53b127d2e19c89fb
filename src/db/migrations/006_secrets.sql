-- No secret at rest (docs/security.md). Bearer tokens, share-link tokens and e-mail verification
-- codes were already stored as hashes; what is left:

-- 1. Stripe client secrets: Stripe keeps them, the API reads them from Stripe when a purchase that
--    awaits payment is read. The column and every value in it go.
alter table purchases drop column client_secret;

-- 2. The idempotency store keeps answers for 24 hours and must not keep the secrets in them.
--    Rewrite what it holds exactly as the API now stores such answers (api/idempotency.ts):
--    a purchase keeps its answer without the client secret,
update idempotency_records
   set response_body = (response_body::jsonb || '{"clientSecret": null}'::jsonb)::text
 where state = 'done' and method = 'POST' and path = '/v1/allotments/purchases'
   and response_status between 200 and 299 and response_body is not null and response_body::jsonb ? 'clientSecret';

--    and a token or a share link, whose secret exists nowhere else, replays as 409
--    IDEMPOTENCY_SECRET_WITHHELD naming what the first request created.
update idempotency_records
   set response_status = 409,
       response_headers = '{"content-type": "application/problem+json"}'::jsonb,
       response_body = json_build_object(
         'type', 'https://partnerflow.dev/problems/idempotency-secret-withheld',
         'title', 'Idempotency secret withheld',
         'status', 409,
         'detail', case when path like '/v1/users/%'
           then 'The first request with this Idempotency-Key created token ' || (response_body::jsonb ->> 'id') ||
                '; its secret is shown only once and is not stored, so it is not replayed. Revoke it (DELETE /v1/tokens/' ||
                (response_body::jsonb ->> 'id') || ') if you did not receive it, and create another with a new key.'
           else 'The first request with this Idempotency-Key created share link ' || (response_body::jsonb ->> 'id') ||
                '; its token is shown only once and is not stored, so it is not replayed. Create another link with a new key.'
         end,
         'code', 'IDEMPOTENCY_SECRET_WITHHELD',
         'instance', path,
         'id', response_body::jsonb ->> 'id')::text
 where state = 'done' and method = 'POST'
   and (path ~ '^/v1/users/[^/]+/tokens$' or path ~ '^/v1/assessments/[^/]+/share-links$')
   and response_status between 200 and 299 and response_body is not null;
