import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import { accessVia } from '../domain/groups/access';
import { attemptsLeft, claimLocked, verificationRefusal } from '../domain/groups/claims';
import { ClaimRefusal } from '../domain/groups/failures';
import { claimSource } from '../domain/groups/subscriptions';
import { LimitedUse } from '../domain/rate-limits';
import {
  hashVerificationCode,
  newVerificationCode,
  VERIFICATION_CODE_TTL_MS,
  VERIFICATION_MAX_ATTEMPTS,
  verificationCodeMatches,
} from '../domain/groups/verification';
import { AppError } from '../errors';
import { sendNotification, type Notification } from '../platform/notifications';
import { limitUse } from '../platform/rate-limits';
import type { Services } from '../platform/services';
import { recordEvent } from '../platform/events';
import { recordAudit } from '../repos/audit';
import { findPlan } from '../repos/groups/catalog';
import { claimById, countAttempt, grantClaim, insertClaim, lockClaim, recentClaims, type AccessClaim } from '../repos/groups/claims';
import { accessRulesOf, groupById, type AccessRules, type Group } from '../repos/groups/groups';
import { liveGroupUser, subscriptionById, type Subscription } from '../repos/groups/subscriptions';
import { awaitProvisioning, reserveGroupUser, startProvisioning } from './enrol';
import { requireGroupStripe } from './stripe';

/** What claiming access touches: the database, Stripe (through the subscription workflow) and mail. */
type ClaimServices = Pick<Services, 'sql' | 'stripe' | 'temporal' | 'taskQueue' | 'mail' | 'config'>;

export type ClaimOutcome =
  | { kind: 'granted'; claim: AccessClaim; subscription: Subscription; existing: boolean }
  | { kind: 'verification_sent'; claim: AccessClaim };

/** At most this many codes per address and group in the window, so claims cannot bomb a mailbox. */
const CODES_PER_WINDOW = 3;
const CODE_WINDOW_MS = 15 * 60_000;

/** Imports subscribe users at the plan's price with no discount: only a free users plan may be imported. */
export async function assertFreeUsersPlan(sql: Db, group: Group, what: string): Promise<void> {
  const plan = await findPlan(sql, group.usersPlanId);
  if (plan && plan.amount > 0) {
    throw new AppError('INVALID_STATE', `${what} needs a free users plan (amount 0); a paid users plan is handed out with coupon campaigns or access rules`);
  }
}

/**
 * A claim never creates a charge: a free users plan needs nothing, a paid one the group's
 * 100 %-off access coupon (created when its access rules are set).
 */
async function assertClaimable(sql: Db, group: Group, rules: AccessRules): Promise<void> {
  const plan = await findPlan(sql, group.usersPlanId);
  if (plan && plan.amount > 0 && !rules.stripeCouponId) {
    throw new AppError('INVALID_STATE', "This group's paid users plan has no access coupon yet: an admin or manager must set its access rules again");
  }
}

/**
 * Grants the group's users plan to `email` (once per address: a repeat answers the existing
 * subscription), recording the claim; the subscription is created in Stripe by its workflow.
 */
async function grant(s: ClaimServices, group: Group, claim: { id: string; email: string; name: string; via: AccessClaim['via']; clientIp: string; verifying?: boolean }) {
  const source = claimSource(claim.via);
  const done = await s.sql.begin(async (tx) => {
    const before = await liveGroupUser(tx, group.id, claim.email);
    const reserved = before ? undefined : await reserveGroupUser(tx, { group, email: claim.email, name: claim.name, source, actor: `claim:${claim.id}` });
    // Refused by the unique index: another way in for this address committed first (the insert
    // waited for it), so this statement's fresh snapshot sees it and the claim answers it.
    const existing = before ?? (reserved ? undefined : await liveGroupUser(tx, group.id, claim.email));
    const sub = reserved ?? existing;
    if (!sub) throw new AppError('CONFLICT', 'Another claim for this address is being granted; try again');
    // A verifying claim another request granted first is not announced twice.
    let granted = true;
    if (claim.verifying) granted = await grantClaim(tx, claim.id, sub.id);
    else await insertClaim(tx, { ...claim, groupId: group.id, status: 'granted', subscriptionId: sub.id });
    await recordAudit(tx, {
      actor: `claim:${claim.id}`, entity: 'access_claim', entityId: claim.id, action: 'grant', organizationId: group.organizationId,
      after: { groupId: group.id, via: claim.via, subscriptionId: sub.id, existing: Boolean(existing) },
    });
    if (granted) await recordEvent(tx, { type: 'access.claimed', organizationId: group.organizationId, data: { claimId: claim.id, groupId: group.id, via: claim.via, subscriptionId: sub.id } });
    if (!existing) await startProvisioning(s, sub, group);
    return { sub, existing: Boolean(existing) };
  });
  const subscription = done.existing ? done.sub : await awaitProvisioning(s, done.sub.id);
  if (subscription.status === 'failed') throw new AppError('UNAVAILABLE', 'Your subscription could not be created in Stripe; please try again later');
  return { kind: 'granted' as const, claim: (await claimById(s.sql, claim.id))!, subscription, existing: done.existing };
}

/**
 * A public claim. The address the server sees (trusted proxies only) is matched first; failing
 * that, an address in one of the group's domains gets a one-time code to prove it owns it.
 */
export async function claimAccess(s: ClaimServices, input: { groupId: string; email: string; name: string }, clientIp: string): Promise<ClaimOutcome> {
  requireGroupStripe(s.stripe);
  const group = await groupById(s.sql, input.groupId);
  if (!group) throw new AppError('NOT_FOUND', 'Group not found');
  await limitUse(s, LimitedUse.ACCESS_GROUP, group.id);
  const rules = await accessRulesOf(s.sql, group.id);
  const email = input.email.toLowerCase();
  const via = accessVia(rules, clientIp, email);
  if (!via || !rules) throw new AppError('FORBIDDEN', 'Neither your network address nor your e-mail domain gives access to this group');
  await assertClaimable(s.sql, group, rules);
  const id = randomUUID();
  if (via === 'ip') return grant(s, group, { id, email, name: input.name, via, clientIp });

  if ((await recentClaims(s.sql, group.id, email, CODE_WINDOW_MS)) >= CODES_PER_WINDOW) {
    throw new AppError('RATE_LIMITED', 'Too many codes were sent to this address; try again in a few minutes');
  }
  const code = newVerificationCode();
  const claim = await s.sql.begin(async (tx) => {
    const row = await insertClaim(tx, {
      id, groupId: group.id, email, name: input.name, via: 'email_domain', clientIp, status: 'verifying',
      codeHash: hashVerificationCode(id, code), codeExpiresAt: new Date(Date.now() + VERIFICATION_CODE_TTL_MS),
    });
    await recordAudit(tx, { actor: 'public', entity: 'access_claim', entityId: id, action: 'send_code', organizationId: group.organizationId, after: { groupId: group.id, via: 'email_domain', expiresAt: row.codeExpiresAt } });
    return row;
  });
  await sendCode(s, {
    id: `access-claim-${id}.code`,
    to: email,
    template: 'access.code',
    data: { name: input.name, groupName: group.name, code, attempts: VERIFICATION_MAX_ATTEMPTS, expiresAt: claim.codeExpiresAt!.toISOString() },
  });
  return { kind: 'verification_sent', claim };
}

/** The code goes out once per claim (its notification id), never stored: only its hash is. */
async function sendCode(s: ClaimServices, notification: Notification<'access.code'>): Promise<void> {
  try {
    await sendNotification(s, notification);
  } catch {
    throw new AppError('UNAVAILABLE', 'The code could not be e-mailed; please claim access again in a moment');
  }
}

async function lock(s: ClaimServices, claim: AccessClaim): Promise<void> {
  await s.sql.begin(async (tx) => {
    if (!(await lockClaim(tx, claim.id))) return;
    const group = await groupById(tx, claim.groupId);
    await recordAudit(tx, { actor: 'public', entity: 'access_claim', entityId: claim.id, action: 'lock', organizationId: group?.organizationId, after: { status: 'locked', attempts: claim.attempts } });
  });
}

/** Checks a one-time code: wrong ones count, the last allowed wrong one locks the claim. */
export async function verifyClaim(s: ClaimServices, claimId: string, code: string, clientIp: string): Promise<ClaimOutcome> {
  requireGroupStripe(s.stripe);
  const claim = await claimById(s.sql, claimId);
  if (!claim) throw new AppError('NOT_FOUND', 'Claim not found');
  await limitUse(s, LimitedUse.ACCESS_CLAIM, claim.id);
  if (claim.status === 'granted') {
    return { kind: 'granted', claim, subscription: (await subscriptionById(s.sql, claim.subscriptionId!))!, existing: true };
  }
  const refusal = verificationRefusal(claim, Date.now());
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const counted = await countAttempt(s.sql, claimId, VERIFICATION_MAX_ATTEMPTS);
  if (!counted) {
    // Granted or locked meanwhile, or the attempts ran out before the lock was written.
    const now = (await claimById(s.sql, claimId))!;
    if (now.status === 'granted') return verifyClaim(s, claimId, code, clientIp);
    await lock(s, now);
    const locked = claimLocked();
    throw new AppError(locked.code, locked.message);
  }
  if (!verificationCodeMatches(claimId, code, counted.codeHash!)) {
    const left = attemptsLeft(counted.attempts);
    if (left <= 0) await lock(s, counted);
    throw new AppError(ClaimRefusal.WRONG_CODE, 'The code is not right', { attemptsLeft: left });
  }
  const group = (await groupById(s.sql, claim.groupId))!;
  return grant(s, group, { id: claim.id, email: claim.email, name: claim.name, via: 'email_domain', clientIp, verifying: true });
}
