import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CampaignStatus } from '../../src/domain/groups/campaigns';

// Shared by the campaign workflow and the API.
export type CampaignState = CampaignStatus;

export interface CampaignWorkflowInput {
  campaignId: string;
  groupId: string;
  /** ISO instant at which the campaign closes; none = open until deactivated. */
  endsAt: string | null;
  /** Set when continuing as new: the commit check and the coupon are behind us. */
  resumed?: boolean;
}

/** Stops the campaign: no more codes are created, and its coupon is deleted in Stripe. */
export const deactivateCampaignSignal = defineSignal<[{ by: string }]>('deactivateCampaign');
export const campaignStateQuery = defineQuery<{ status: CampaignState; deactivationRequested: boolean }>('campaignState');

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

/** Codes created in Stripe per activity: each heartbeats and leaves its progress in the database. */
export const CODE_BATCH = 250;
