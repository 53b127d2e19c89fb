import { defineQuery, defineUpdate } from '@temporalio/workflow';

// Shared by the group-user subscription workflow and the API.
export interface GroupSubscriptionInput {
  subscriptionId: string;
  groupId: string;
}

/**
 * pending until Stripe has the subscription (active: it exists in Stripe, whose own status the
 * database keeps) or it was released (failed).
 */
export type ProvisioningOutcome = 'pending' | 'active' | 'failed';

/** Answers once the outcome is known; the API reads the details from the database. */
export const subscriptionOutcomeUpdate = defineUpdate<{ status: ProvisioningOutcome }>('subscriptionOutcome');
export const subscriptionStateQuery = defineQuery<{ status: ProvisioningOutcome }>('subscriptionState');

export const subscriptionWorkflowId = (subscriptionId: string) => `subscription-${subscriptionId}`;
