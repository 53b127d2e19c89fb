import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every partnerflow workflow sets, so ops can filter in the Temporal UI:
 *   PartnerflowKind = "sale" and PartnerflowStatus = "pending_approval"
 *   PartnerflowOrganizationId = "<uuid>"
 *   PartnerflowGroupId = "<uuid>" (a group's campaigns, imports and user subscriptions)
 *   PartnerflowEndpointId = "<uuid>", PartnerflowEventId = "<uuid>" (webhook deliveries)
 *   PartnerflowNeedsAttention = "sale-<id>" (a reconciliation run: the workflow ids whose rows it
 *   found live while their workflow had ended; a closed execution's own attributes cannot change)
 * Registered by `npm start` on its dev server and by the test harness; on a real cluster see README.
 */
export const KIND = defineSearchAttributeKey('PartnerflowKind', SearchAttributeType.KEYWORD);
export const STATUS = defineSearchAttributeKey('PartnerflowStatus', SearchAttributeType.KEYWORD);
export const ORGANIZATION_ID = defineSearchAttributeKey('PartnerflowOrganizationId', SearchAttributeType.KEYWORD);
export const GROUP_ID = defineSearchAttributeKey('PartnerflowGroupId', SearchAttributeType.KEYWORD);

export const ENDPOINT_ID = defineSearchAttributeKey('PartnerflowEndpointId', SearchAttributeType.KEYWORD);
export const EVENT_ID = defineSearchAttributeKey('PartnerflowEventId', SearchAttributeType.KEYWORD);
export const NEEDS_ATTENTION = defineSearchAttributeKey('PartnerflowNeedsAttention', SearchAttributeType.KEYWORD_LIST);

export const searchAttributeKeys = [KIND, STATUS, ORGANIZATION_ID, GROUP_ID, ENDPOINT_ID, EVENT_ID, NEEDS_ATTENTION];
