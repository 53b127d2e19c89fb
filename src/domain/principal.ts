export type Role = 'admin' | 'manager' | 'approver';

/** Who is calling: resolved from the bearer token once per request. */
export interface Principal {
  userId: string;
  tokenId: string;
  role: Role;
  organizationId: string | null;
  email: string;
  name: string;
}

export const isAdmin = (p: Principal) => p.role === 'admin';

/** The audit trail's name for an actor. */
export const actorOf = (p: Principal | null) => (p ? `user:${p.userId}` : 'public');
