import { randomBytes } from 'node:crypto';

/** A name no other test run or file will use: `prefix-<10 hex chars>`. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

/** A unique e-mail address on the test domain. */
export const uniqueEmail = (prefix = 'user') => `${unique(prefix)}@example.test`;
