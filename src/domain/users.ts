// Who a user is and who may change it, as pure rules: the users service checks them before it
// writes, the database's constraints and its last-admin trigger (012_changes.sql) back them.
import type { Role } from './principal';

export interface FieldProblem {
  path: string;
  message: string;
  detail: string;
}

/** A role and an organization belong together: a manager has an organization, an admin none (approvers either way). */
export function membershipProblem(role: Role, organizationId: string | null): FieldProblem | null {
  if (role === 'manager' && !organizationId) return { path: 'organizationId', message: 'required for managers', detail: 'A manager needs an organizationId' };
  if (role === 'admin' && organizationId) return { path: 'organizationId', message: 'not for admins (send null)', detail: 'An admin belongs to no organization' };
  return null;
}

/** What PATCH /v1/users/{id} may change. */
export interface UserPatch {
  name?: string;
  role?: Role;
  organizationId?: string | null;
  assessmentIds?: string[];
}

/** Fields only admins change; everyone may change their own name. */
export const ADMIN_ONLY_USER_FIELDS = ['role', 'organizationId', 'assessmentIds'] as const satisfies readonly (keyof UserPatch)[];

/** The admin-only fields a caller sent, in the order above. */
export const adminOnlyFieldsIn = (patch: UserPatch): string[] => ADMIN_ONLY_USER_FIELDS.filter((f) => patch[f] !== undefined);

/** Whether a caller may change someone else's account, or anything but their own name. */
export function userPatchRefusal(caller: { role: Role; userId: string }, targetId: string, patch: UserPatch): string | null {
  if (caller.role === 'admin') return null;
  if (caller.userId !== targetId) return 'Only admins change other users';
  const fields = adminOnlyFieldsIn(patch);
  return fields.length ? `Only admins change ${fields.join(', ')}` : null;
}

/** The user is an active admin before a change and not after it (deactivated or given another role). */
export const leavesActiveAdmins = (before: { role: Role; active: boolean }, after: { role: Role; active: boolean }): boolean =>
  before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);

export const LAST_ADMIN = 'This is the last active admin: make another user an admin (or reactivate one) first';
