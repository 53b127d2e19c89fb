import type { Principal } from '../domain/principal';
import { principalForToken } from '../repos/users';
import type { Services } from './services';

/** The caller behind a bearer secret, or undefined when the token is unknown or revoked or its user deactivated. */
export function authenticateToken(s: Pick<Services, 'sql'>, token: string): Promise<Principal | undefined> {
  return principalForToken(s.sql, token);
}
