import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { contains, orderedPage } from './list';
import { inScope } from './scope';

export interface Organization {
  id: string;
  name: string;
  parentId: string | null;
  responseAllotment: 'none' | 'can_be_purchased';
  ltiService: boolean;
  package: 'basic' | 'advanced' | 'premium';
  memberLimit: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type OrganizationInput = {
  name: string;
  parentId?: string | null;
  responseAllotment?: Organization['responseAllotment'];
  ltiService?: boolean;
  package?: Organization['package'];
  memberLimit?: number | null;
};

const columns = (sql: Db) =>
  sql`o.id, o.name, o.parent_id, o.response_allotment, o.lti_service, o.package, o.member_limit, o.created_at, o.updated_at`;

export async function insertOrganization(sql: Db, input: OrganizationInput): Promise<Organization> {
  const [row] = await sql<Organization[]>`
    with parent as (select path from organizations where id = ${input.parentId ?? null}),
    new_id as (select gen_random_uuid() as id)
    insert into organizations as o (id, name, parent_id, path, response_allotment, lti_service, package, member_limit)
    select new_id.id, ${input.name}, ${input.parentId ?? null},
           coalesce((select path from parent), '{}') || new_id.id,
           ${input.responseAllotment ?? 'none'}, ${input.ltiService ?? false}, ${input.package ?? 'basic'}, ${input.memberLimit ?? null}
    from new_id
    returning ${columns(sql)}`;
  return row!;
}

export async function findOrganization(sql: Db, principal: Principal, id: string): Promise<Organization | undefined> {
  const [row] = await sql<Organization[]>`
    select ${columns(sql)} from organizations o where o.id = ${id} and ${inScope(sql, principal, 'o.id')}`;
  return row;
}

/** Unscoped, for callers identified otherwise (a share link's token, a workflow). */
export async function organizationById(sql: Db, id: string): Promise<Organization | undefined> {
  const [row] = await sql<Organization[]>`select ${columns(sql)} from organizations o where o.id = ${id}`;
  return row;
}

export async function getOrganization(sql: Db, principal: Principal, id: string): Promise<Organization> {
  const org = await findOrganization(sql, principal, id);
  if (!org) throw notFound('Organization');
  return org;
}

export async function listOrganizations(
  sql: Db,
  principal: Principal,
  page: { after?: string; limit: number; parentId?: string; q?: string },
): Promise<Organization[]> {
  // Found by name (?q=): any part of the name, case and accents ignored, listed by name.
  return sql<Organization[]>`
    select ${columns(sql)} from organizations o
    where ${inScope(sql, principal, 'o.id')}
      ${page.parentId ? sql`and o.parent_id = ${page.parentId}` : sql``}
      ${page.q ? sql`and ${contains(sql, 'o.name_search', page.q, { fold: true })}
        ${orderedPage(sql, { table: 'organizations', alias: 'o', by: 'name_search' }, page)}` : sql`
      ${page.after ? sql`and o.id > ${page.after}` : sql``}
      order by o.id limit ${page.limit}`}`;
}

/** Applies a patch; a new parent moves the whole subtree (paths rewritten in one statement). */
export async function updateOrganization(
  sql: Db,
  id: string,
  patch: Partial<OrganizationInput>,
): Promise<Organization> {
  const { parentId, ...fields } = patch;
  if (parentId !== undefined) {
    if (parentId === id) throw new AppError('VALIDATION_FAILED', 'An organization cannot be its own parent', { errors: [{ path: 'parentId', message: 'cycle' }] });
    const [cycle] = await sql`select 1 from organizations where id = ${parentId ?? null} and path @> array[${id}::uuid]`;
    if (cycle) throw new AppError('VALIDATION_FAILED', 'The new parent lies inside this organization\'s subtree', { errors: [{ path: 'parentId', message: 'cycle' }] });
    const [old] = await sql<{ path: string[] }[]>`select path from organizations where id = ${id} for update`;
    const [parent] = parentId ? await sql<{ path: string[] }[]>`select path from organizations where id = ${parentId}` : [{ path: [] as string[] }];
    if (!old) throw notFound('Organization');
    if (!parent) throw notFound('Parent organization');
    const depth = old.path.length;
    await sql`
      update organizations set
        path = ${parent.path}::uuid[] || path[${depth}:],
        parent_id = case when id = ${id} then ${parentId ?? null}::uuid else parent_id end,
        updated_at = now()
      where path @> array[${id}::uuid]`;
  }
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length > 0) {
    await sql`update organizations set ${sql(set as Record<string, never>)}, updated_at = now() where id = ${id}`;
  }
  const [row] = await sql<Organization[]>`select ${columns(sql)} from organizations o where o.id = ${id}`;
  if (!row) throw notFound('Organization');
  return row;
}
