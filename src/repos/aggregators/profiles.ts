import type { Db } from '../../db/connect';
import type { ProfileStatus } from '../../domain/aggregators/catalog';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { inScope } from '../scope';

export interface Profile {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  status: ProfileStatus;
  aggregatorId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (sql: Db) => sql`p.id, p.organization_id, p.name, p.email, p.status, p.aggregator_id, p.created_at, p.updated_at`;

export async function insertProfile(
  sql: Db,
  p: { organizationId: string; name: string; email: string; status: ProfileStatus; aggregatorId: string | null; createdBy: string | null },
): Promise<Profile> {
  const [row] = await sql<Profile[]>`
    insert into profiles as p (organization_id, name, email, status, aggregator_id, created_by)
    values (${p.organizationId}, ${p.name}, ${p.email}, ${p.status}, ${p.aggregatorId}, ${p.createdBy})
    returning ${columns(sql)}`;
  return row!;
}

export async function getProfile(sql: Db, principal: Principal, id: string, o: { lock?: boolean } = {}): Promise<Profile> {
  const [row] = await sql<Profile[]>`
    select ${columns(sql)} from profiles p where p.id = ${id} and ${inScope(sql, principal, 'p.organization_id')}
    ${o.lock ? sql`for no key update of p` : sql``}`;
  if (!row) throw notFound('Profile');
  return row;
}

/** The optional filters of the profiles list. */
export type ProfileFilter = Page & { organizationId?: string; aggregatorId?: string; status?: ProfileStatus };

export async function listProfiles(sql: Db, principal: Principal, q: ProfileFilter): Promise<Profile[]> {
  return sql<Profile[]>`
    select ${columns(sql)} from profiles p
    where ${inScope(sql, principal, 'p.organization_id')}
      ${andEqual(sql, { 'p.organization_id': q.organizationId, 'p.aggregator_id': q.aggregatorId, 'p.status': q.status })}
    ${keysetPage(sql, 'p.id', q)}`;
}

export async function updateProfile(sql: Db, id: string, patch: Partial<Pick<Profile, 'name' | 'email' | 'status'>>): Promise<Profile> {
  const set = { ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: new Date() };
  const [row] = await sql<Profile[]>`update profiles p set ${sql(set as unknown as Record<string, never>)} where p.id = ${id} returning ${columns(sql)}`;
  return row!;
}

/**
 * Locks the studio's row against other member admissions (not against plain inserts: NO KEY UPDATE
 * does not block foreign-key checks), then counts its members. Concurrent admissions serialise here.
 */
export async function lockMemberCount(sql: Db, organizationId: string): Promise<{ members: number; memberLimit: number | null }> {
  const [org] = await sql<{ memberLimit: number | null }[]>`select member_limit from organizations where id = ${organizationId} for no key update`;
  if (!org) throw notFound('Organization');
  const [count] = await sql<{ members: number }[]>`select count(*)::int as members from profiles where organization_id = ${organizationId} and status = 'member'`;
  return { members: count!.members, memberLimit: org.memberLimit };
}

export async function memberStats(sql: Db, organizationId: string) {
  const [row] = await sql<{ members: number; prospects: number; aggregatorProspects: number; formers: number; memberLimit: number | null }[]>`
    select count(*) filter (where p.status = 'member')::int as members,
           count(*) filter (where p.status = 'prospect')::int as prospects,
           count(*) filter (where p.status = 'prospect' and p.aggregator_id is not null)::int as aggregator_prospects,
           count(*) filter (where p.status = 'former')::int as formers,
           (select member_limit from organizations where id = ${organizationId}) as member_limit
    from profiles p where p.organization_id = ${organizationId}`;
  return row!;
}
