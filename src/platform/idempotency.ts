// The Idempotency-Key store the API's middleware uses (claims, stored answers, releases).
export { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyRecord } from '../repos/idempotency';
