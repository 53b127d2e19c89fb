import type { Db } from '../db/connect';
import { memberSlotFree, type ProfileStatus } from '../domain/aggregators/catalog';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import { admitAggregatorProfile } from '../repos/aggregators/aggregators';
import { insertAggregatorContract } from '../repos/aggregators/contracts';
import { getProfile, insertProfile, lockMemberCount, updateProfile, type Profile } from '../repos/aggregators/profiles';
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
export async function createProfile(tx: Db, principal: Principal, input: ProfileInput): Promise<Profile & { contractId: string | null }> {
  if (!(await organizationInScope(tx, principal, input.organizationId))) throw notFound('Organization');
  const status = input.status ?? 'prospect';
  let tariffId: string | null = null;
  if (input.aggregatorId) {
    if (status !== 'prospect') throw aggregatorProspectsOnly();
    const admitted = await admitAggregatorProfile(tx, input.aggregatorId, input.organizationId);
    if (!admitted) {
      throw new AppError('UNPROCESSABLE', 'No such aggregator integration in this studio', { errors: [{ path: 'aggregatorId', message: 'must be an aggregator of the same organization' }] });
    }
    if (admitted.status === 'inactive') throw new AppError('INVALID_STATE', 'The aggregator integration is deactivated and takes no new profiles', { status: 'inactive' });
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

export async function patchProfile(tx: Db, principal: Principal, id: string, patch: Partial<Pick<Profile, 'name' | 'email' | 'status'>>): Promise<Profile> {
  const before = await getProfile(tx, principal, id, { lock: true });
  if (patch.status && patch.status !== 'prospect' && before.aggregatorId) throw aggregatorProspectsOnly();
  if (patch.status === 'member' && before.status !== 'member') await assertMemberSlot(tx, before.organizationId);
  const after = await updateProfile(tx, id, patch);
  await recordAudit(tx, { actor: actorOf(principal), entity: 'profile', entityId: id, action: 'update', organizationId: after.organizationId, before, after });
  return after;
}
