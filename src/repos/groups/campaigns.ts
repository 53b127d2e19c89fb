import type { Db } from '../../db/connect';
import { CAMPAIGN_TRANSITIONS, type CampaignMode, type CampaignStatus, type CampaignTransition } from '../../domain/groups/campaigns';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { keysetPage, type Page } from '../list';
import { groupInScope } from './groups';

export type { CampaignMode, CampaignStatus };

export interface Campaign {
  id: string;
  groupId: string;
  organizationId: string | null;
  mode: CampaignMode;
  status: CampaignStatus;
  maxRedemptions: number;
  codeCount: number;
  codesCreated: number;
  /** Redemptions counted (pending or completed). */
  redemptions: number;
  endsAt: Date | null;
  stripeCouponId: string | null;
  failure: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  closedAt: Date | null;
  deactivatedAt: Date | null;
  /** The shared code (shared mode only). */
  code: string | null;
}

const columns = (sql: Db) => sql`
  c.id, c.group_id, g.organization_id, c.mode, c.status, c.max_redemptions, c.code_count, c.codes_created,
  (select count(*)::int from redemptions r where r.campaign_id = c.id and r.status <> 'released') as redemptions,
  c.ends_at, c.stripe_coupon_id, c.failure, c.created_at, c.activated_at, c.closed_at, c.deactivated_at,
  case when c.mode = 'shared' then (select cc.code from campaign_codes cc where cc.campaign_id = c.id and cc.n = 1) end as code`;

export async function insertCampaign(
  sql: Db,
  c: { groupId: string; mode: CampaignMode; maxRedemptions: number; codeCount: number; endsAt: Date | null; createdBy: string | null },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into campaigns (group_id, mode, max_redemptions, code_count, ends_at, created_by)
    values (${c.groupId}, ${c.mode}, ${c.maxRedemptions}, ${c.codeCount}, ${c.endsAt}, ${c.createdBy})
    returning id`;
  return row!.id;
}

export async function campaignById(sql: Db, id: string): Promise<Campaign | undefined> {
  const [row] = await sql<Campaign[]>`select ${columns(sql)} from campaigns c join groups g on g.id = c.group_id where c.id = ${id}`;
  return row;
}

export async function getCampaign(sql: Db, principal: Principal, id: string): Promise<Campaign> {
  const [row] = await sql<Campaign[]>`
    select ${columns(sql)} from campaigns c join groups g on g.id = c.group_id
    where c.id = ${id} and ${groupInScope(sql, principal, 'g.organization_id')}`;
  if (!row) throw notFound('Campaign');
  return row;
}

export async function listCampaigns(sql: Db, groupId: string, page: Page): Promise<Campaign[]> {
  return sql<Campaign[]>`
    select ${columns(sql)} from campaigns c join groups g on g.id = c.group_id
    where c.group_id = ${groupId} ${keysetPage(sql, 'c.id', page)}`;
}

const STAMPED = { activate: 'activated_at', close: 'closed_at', deactivate: 'deactivated_at' } as const satisfies Record<CampaignTransition, string>;

/**
 * Makes one of the campaign's moves (CAMPAIGN_TRANSITIONS) if its status allows it now, stamping
 * when; returns whether this call made the change.
 */
export async function transitionCampaign(sql: Db, id: string, transition: CampaignTransition, at: Date = new Date()): Promise<boolean> {
  const { from, to } = CAMPAIGN_TRANSITIONS[transition];
  const rows = await sql`update campaigns set status = ${to}, ${sql(STAMPED[transition])} = ${at} where id = ${id} and status in ${sql(from)} returning 1`;
  return rows.length > 0;
}

/** Records why the campaign stopped (e.g. Stripe refused a code). */
export async function setCampaignFailure(sql: Db, id: string, failure: string): Promise<void> {
  await sql`update campaigns set failure = ${failure} where id = ${id}`;
}

/**
 * The campaign's status and whether its end date passed, share-locking its row: a deactivation
 * commits before or after the caller's redemption, never during.
 */
export async function lockCampaignForRedemption(sql: Db, id: string): Promise<{ status: CampaignStatus; expired: boolean }> {
  const [row] = await sql<{ status: CampaignStatus; expired: boolean }[]>`
    select status, (ends_at is not null and ends_at <= now()) as expired from campaigns where id = ${id} for share`;
  return row!;
}

export async function setCampaignCoupon(sql: Db, id: string, couponId: string): Promise<void> {
  await sql`update campaigns set stripe_coupon_id = ${couponId} where id = ${id} and stripe_coupon_id is null`;
}

/** Inserts code strings; the ones whose n exists already or whose string is taken are skipped. */
export async function insertCodes(sql: Db, campaignId: string, codes: { n: number; code: string }[], maxRedemptions: number): Promise<number> {
  if (codes.length === 0) return 0;
  const rows = await sql`
    insert into campaign_codes (campaign_id, n, code, max_redemptions)
    select ${campaignId}, t.n, t.code, ${maxRedemptions}
    from unnest(${codes.map((c) => c.n)}::int[], ${codes.map((c) => c.code)}::text[]) as t(n, code)
    on conflict do nothing returning 1`;
  return rows.length;
}

/** The numbers 1..count that have no code string yet (after a crash, or a rare collision). */
export async function missingCodeNumbers(sql: Db, campaignId: string, count: number, limit: number): Promise<number[]> {
  const rows = await sql<{ n: number }[]>`
    select s.n from generate_series(1, ${count}::int) as s(n)
    where not exists (select 1 from campaign_codes cc where cc.campaign_id = ${campaignId} and cc.n = s.n)
    order by s.n limit ${limit}`;
  return rows.map((r) => r.n);
}

export async function codesWithoutStripe(sql: Db, campaignId: string, limit: number) {
  return sql<{ n: number; code: string; maxRedemptions: number }[]>`
    select n, code, max_redemptions from campaign_codes
    where campaign_id = ${campaignId} and stripe_promotion_code_id is null order by n limit ${limit}`;
}

/** Records a code as created in Stripe and counts it, once. */
export async function recordCodeCreated(sql: Db, campaignId: string, n: number, promotionCodeId: string): Promise<void> {
  await sql`
    with done as (
      update campaign_codes set stripe_promotion_code_id = ${promotionCodeId}
      where campaign_id = ${campaignId} and n = ${n} and stripe_promotion_code_id is null returning 1)
    update campaigns set codes_created = codes_created + (select count(*) from done)::int where id = ${campaignId}`;
}

/** How many of the campaign's codes exist in Stripe. */
export async function codesInStripe(sql: Db, campaignId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from campaign_codes where campaign_id = ${campaignId} and stripe_promotion_code_id is not null`;
  return row!.n;
}

export interface CampaignCode {
  /** The code's number within its campaign: the order codes were made in. */
  n: number;
  code: string;
  maxRedemptions: number;
  redemptions: number;
}

/**
 * The codes of a campaign that exist in Stripe, in the order they were made, after code number
 * `after`. `redeemed`: only codes redeemed at least once (true) or never (false).
 */
export async function listCodes(sql: Db, campaignId: string, f: { redeemed?: boolean; after?: string; limit: number }): Promise<CampaignCode[]> {
  return sql<CampaignCode[]>`
    select n, code, max_redemptions, redemptions from campaign_codes
    where campaign_id = ${campaignId} and stripe_promotion_code_id is not null
      ${f.redeemed === undefined ? sql`` : f.redeemed ? sql`and redemptions > 0` : sql`and redemptions = 0`}
      ${f.after ? sql`and n > ${f.after}::int` : sql``}
    order by n limit ${f.limit}`;
}

export interface CodeLookup {
  campaignId: string;
  n: number;
  code: string;
  redemptions: number;
  maxRedemptions: number;
  stripePromotionCodeId: string | null;
  status: CampaignStatus;
  endsAt: Date | null;
  expired: boolean;
  groupId: string;
}

/** A code, any case, with what decides whether it may be redeemed now. */
export async function findCode(sql: Db, code: string): Promise<CodeLookup | undefined> {
  const [row] = await sql<CodeLookup[]>`
    select cc.campaign_id, cc.n, cc.code, cc.redemptions, cc.max_redemptions, cc.stripe_promotion_code_id,
           c.status, c.ends_at, (c.ends_at is not null and c.ends_at <= now()) as expired, c.group_id
    from campaign_codes cc join campaigns c on c.id = cc.campaign_id
    where upper(cc.code) = ${code.toUpperCase()}`;
  return row;
}

/**
 * Counts one redemption against the code if it has room. Concurrent callers serialise on the
 * code's row; the CHECK constraint is the last guard whatever the code does.
 */
export async function takeRedemption(sql: Db, campaignId: string, n: number): Promise<boolean> {
  const rows = await sql`
    update campaign_codes set redemptions = redemptions + 1
    where campaign_id = ${campaignId} and n = ${n} and redemptions < max_redemptions returning 1`;
  return rows.length > 0;
}

export async function insertRedemption(sql: Db, r: { campaignId: string; n: number; subscriptionId: string; email: string }): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`
    insert into redemptions (campaign_id, code_n, subscription_id, email)
    values (${r.campaignId}, ${r.n}, ${r.subscriptionId}, ${r.email.toLowerCase()})
    on conflict (campaign_id, lower(email)) where status <> 'released' do nothing returning id`;
  return row?.id;
}

export async function hasRedeemed(sql: Db, campaignId: string, email: string): Promise<boolean> {
  const rows = await sql`select 1 from redemptions where campaign_id = ${campaignId} and lower(email) = ${email.toLowerCase()} and status <> 'released'`;
  return rows.length > 0;
}

/** pending → redeemed once the subscription exists; answers the redemption this call completed. */
export async function completeRedemption(sql: Db, subscriptionId: string): Promise<{ id: string; campaignId: string; email: string } | undefined> {
  const [row] = await sql<{ id: string; campaignId: string; email: string }[]>`
    update redemptions set status = 'redeemed', redeemed_at = now() where subscription_id = ${subscriptionId} and status = 'pending'
    returning id, campaign_id, email`;
  return row;
}

/** Uncounts a redemption whose subscription could not be created; returns the redemption id. */
export async function releaseRedemption(sql: Db, subscriptionId: string): Promise<{ id: string; campaignId: string } | undefined> {
  const [row] = await sql<{ id: string; campaignId: string; codeN: number }[]>`
    update redemptions set status = 'released', released_at = now()
    where subscription_id = ${subscriptionId} and status = 'pending' returning id, campaign_id, code_n`;
  if (!row) return undefined;
  await sql`update campaign_codes set redemptions = redemptions - 1 where campaign_id = ${row.campaignId} and n = ${row.codeN}`;
  return { id: row.id, campaignId: row.campaignId };
}
