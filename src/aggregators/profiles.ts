import type { Db } from '../db/connect';
import { memberSlotFree, type ProfileStatus } from '../domain/aggregators/catalog';
import { admitsProfiles } from '../domain/aggregators/lifecycle';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { admitAggregatorProfile } from '../repos/aggregators/aggregators';
import { insertAggregatorContract, listContracts, type Contract } from '../repos/aggregators/contracts';
import {
  getProfile as readProfile,
  insertProfile,
  listProfiles as readProfiles,
  lockMemberCount,
  memberStats as readMemberStats,
  updateProfile,
  type Profile,
  type ProfileFilter,
} from '../repos/aggregators/profiles';
import { getOrganization } from '../repos/organizations';
import { organizationInScope } from '../repos/scope';

export interface ProfileInput {
  organizationId: string;
  name: string;
  email: string;
  status?: ProfileStatus;
  aggregatorId?: string | null;
}

/** Refuses one more member beyond the studio's booked limit; concurrent admissions queue on the studio row. */
async function assertMemberSlot(tx: Db, organizationId: string): Promise<void> {
  const { members, memberLimit } = await lockMemberCount(tx, organizationId);
  if (!memberSlotFree(members, memberLimit)) {
    throw new AppError('MEMBER_LIMIT_REACHED', `The studio has booked ${memberLimit} members and has ${members}`, { memberLimit, members });
  }
}

const aggregatorProspectsOnly = () =>
  new AppError('UNPROCESSABLE', 'Profiles of an aggregator stay prospects; they never count as members', {
    errors: [{ path: 'status', message: 'must be "prospect" for a profile of an aggregator' }],
  });

/**
 * Creates a profile. A member is refused beyond the studio's memberLimit. A profile of an
 * aggregator with a tariff gets its contract in the same transaction, also while a backfill of
 * that aggregator is still running (the unique active-contract index makes both paths safe).
 */
export function createProfile(s: Pick<Services, 'sql'>, principal: Principal, input: ProfileInput): Promise<Profile & { contractId: string | null }> {
  return s.sql.begin((tx) => insertProfileWithContract(tx, principal, input));
}

async function insertProfileWithContract(tx: Db, principal: Principal, input: ProfileInput): Promise<Profile & { contractId: string | null }> {
  if (!(await organizationInScope(tx, principal, input.organizationId))) throw notFound('Organization');
  const status = input.status ?? 'prospect';
  let tariffId: string | null = null;
  if (input.aggregatorId) {
    if (status !== 'prospect') throw aggregatorProspectsOnly();
    const admitted = await admitAggregatorProfile(tx, input.aggregatorId, input.organizationId);
    if (!admitted) {
      throw new AppError('UNPROCESSABLE', 'No such aggregator integration in this studio', { errors: [{ path: 'aggregatorId', message: 'must be an aggregator of the same organization' }] });
    }
    if (!admitsProfiles(admitted.status)) throw new AppError('INVALID_STATE', 'The aggregator integration is deactivated and takes no new profiles', { integrationStatus: 'inactive' });
    tariffId = admitted.tariffId;
  }
  if (status === 'member') await assertMemberSlot(tx, input.organizationId);
  const profile = await insertProfile(tx, { organizationId: input.organizationId, name: input.name, email: input.email, status, aggregatorId: input.aggregatorId ?? null, createdBy: principal.userId });
  const contractId = tariffId ? await insertAggregatorContract(tx, { profileId: profile.id, tariffId, aggregatorId: input.aggregatorId! }) : null;
  await recordAudit(tx, {
    actor: actorOf(principal), entity: 'profile', entityId: profile.id, action: 'create', organizationId: profile.organizationId,
    after: { status: profile.status, aggregatorId: profile.aggregatorId, ...(contractId && { contractId, tariffId }) },
  });
  return { ...profile, contractId };
}

/** Name, e-mail or status; becoming a member takes a free place, and an aggregator's profiles stay prospects. */
export function patchProfile(s: Pick<Services, 'sql'>, principal: Principal, id: string, patch: Partial<Pick<Profile, 'name' | 'email' | 'status'>>): Promise<Profile> {
  return s.sql.begin(async (tx) => {
    const before = await readProfile(tx, principal, id, { lock: true });
    if (patch.status && patch.status !== 'prospect' && before.aggregatorId) throw aggregatorProspectsOnly();
    if (patch.status === 'member' && before.status !== 'member') await assertMemberSlot(tx, before.organizationId);
    const after = await updateProfile(tx, id, patch);
    await recordAudit(tx, { actor: actorOf(principal), entity: 'profile', entityId: id, action: 'update', organizationId: after.organizationId, before, after });
    return after;
  });
}

/** The profiles of the studios in the caller's scope. */
export function listProfiles(s: Pick<Services, 'sql'>, principal: Principal, q: ProfileFilter): Promise<Profile[]> {
  return readProfiles(s.sql, principal, q);
}

export function getProfile(s: Pick<Services, 'sql'>, principal: Principal, id: string): Promise<Profile> {
  return readProfile(s.sql, principal, id);
}

/** A profile's contracts, newest first. */
export async function listProfileContracts(
  s: Pick<Services, 'sql'>,
  principal: Principal,
  id: string,
  q: { status?: 'active' | 'terminated'; after?: string; limit: number },
): Promise<Contract[]> {
  const profile = await readProfile(s.sql, principal, id);
  return listContracts(s.sql, profile.id, q);
}

/** The studio's own profiles by status; only members count against memberLimit. */
export async function memberStats(s: Pick<Services, 'sql'>, principal: Principal, organizationId: string) {
  const org = await getOrganization(s.sql, principal, organizationId);
  const stats = await readMemberStats(s.sql, org.id);
  return { organizationId: org.id, ...stats, membersAvailable: stats.memberLimit === null ? null : Math.max(0, stats.memberLimit - stats.members) };
}
