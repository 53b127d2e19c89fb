import type { Db } from '../db/connect';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import {
  getOrganization as readOrganization,
  insertOrganization,
  listOrganizations as readOrganizations,
  updateOrganization as writeOrganization,
  type Organization,
  type OrganizationInput,
} from '../repos/organizations';
import { organizationInScope } from '../repos/scope';
import type { Services } from './services';

export type { Organization, OrganizationInput };

// Operator settings only a site admin may set: they gate purchases (responseAllotment), which
// sales an organization may buy (ltiService: seed 001, "only organizations with LTI service can
// use this type of sale"), packages and limits.
export const ADMIN_ONLY_FIELDS = ['responseAllotment', 'ltiService', 'package', 'memberLimit'] as const;

/** 403 naming every admin-only field a non-admin sent (`at` prefixes the names, e.g. `customer.newOrganization.`). */
function assertFieldsAllowed(p: Principal, input: Partial<OrganizationInput>, at = '') {
  if (p.role === 'admin') return;
  const denied = ADMIN_ONLY_FIELDS.filter((f) => input[f] !== undefined).map((f) => `${at}${f}`);
  if (denied.length) throw new AppError('FORBIDDEN', `Only an admin may set ${denied.join(', ')}`, { fields: denied });
}

/**
 * Creates an organization inside the caller's transaction; managers only below an organization
 * in their scope (default parent: their own). Sale registration creates customers through it,
 * naming refused fields from `at` (where the organization sits in its request).
 */
export async function createOrganizationIn(tx: Db, p: Principal, input: OrganizationInput, at = ''): Promise<Organization> {
  assertFieldsAllowed(p, input, at);
  if (p.role !== 'admin') {
    const parentId = input.parentId ?? p.organizationId;
    if (!parentId || !(await organizationInScope(tx, p, parentId))) throw notFound('Parent organization');
    input = { ...input, parentId };
  } else if (input.parentId) {
    if (!(await organizationInScope(tx, p, input.parentId))) throw notFound('Parent organization');
  }
  const org = await insertOrganization(tx, input);
  await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: org.id, action: 'create', organizationId: org.id, after: org });
  return org;
}

export function createOrganization(s: Pick<Services, 'sql'>, p: Principal, input: OrganizationInput): Promise<Organization> {
  return s.sql.begin((tx) => createOrganizationIn(tx, p, input));
}

export function listOrganizations(s: Pick<Services, 'sql'>, p: Principal, q: { after?: string; limit: number; parentId?: string; q?: string }) {
  return readOrganizations(s.sql, p, q);
}

export function getOrganization(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Organization> {
  return readOrganization(s.sql, p, id);
}

/** A new parentId moves the whole subtree; managers cannot move their own organization. */
export async function updateOrganization(s: Pick<Services, 'sql'>, p: Principal, id: string, patch: Partial<OrganizationInput>): Promise<Organization> {
  assertFieldsAllowed(p, patch);
  return s.sql.begin(async (tx) => {
    const before = await readOrganization(tx, p, id);
    if (patch.parentId !== undefined && p.role !== 'admin') {
      if (id === p.organizationId) throw new AppError('FORBIDDEN', 'You cannot move your own organization');
      if (!patch.parentId) throw notFound('Parent organization');
    }
    if (patch.parentId && !(await organizationInScope(tx, p, patch.parentId))) throw notFound('Parent organization');
    const after = await writeOrganization(tx, id, patch);
    await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: id, action: 'update', organizationId: id, before, after });
    return after;
  });
}
