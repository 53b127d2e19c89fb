import type { Context, MiddlewareHandler } from 'hono';
import type { Principal, Role } from '../src/domain/principal';
import { AppError } from '../src/errors';
import { authenticateToken } from '../src/platform/auth';
import type { AppEnv } from './context';

/** Resolves `Authorization: Bearer <token>` to a principal; anything else is 401. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer <token>');
  const principal = await authenticateToken(c.get('deps'), match[1]!);
  if (!principal) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked, or its user is deactivated');
  c.set('principal', principal);
  c.set('log', c.get('log').child({ userId: principal.userId }));
  await next();
};

/** The authenticated caller; routes behind `authenticate` always have one. */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError('UNAUTHENTICATED', 'Authentication required');
  return p;
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): Principal {
  const p = principalOf(c);
  if (!roles.includes(p.role)) throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
  return p;
}
