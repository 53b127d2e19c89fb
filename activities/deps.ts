import type { Services } from '../src/platform/services';

/** Activities receive the same services as the API (tests pass real ones). */
export type ActivityDeps = Services;
