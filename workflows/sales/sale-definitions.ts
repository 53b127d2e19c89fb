// The sale workflow's messages, defined once: the workflow registers handlers for them and the
// API sends them. Only sandbox-safe imports here. The failure types the updates answer with are
// in src/domain/sales/failures.ts.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { SaleStatus } from '../../src/domain/sales/types';
import type { Mail } from '../../src/mail';

export const SALE_KIND = 'sale';
export const saleWorkflowId = (saleId: string) => `sale-${saleId}`;

export interface SaleWorkflowInput {
  saleId: string;
  /** The customer organization (search attribute). */
  organizationId: string;
  activationDate: string;
  // Carried across continue-as-new:
  status?: SaleStatus;
  /** Expiry (ISO instant) of the earliest live key that will need renewing. */
  nextRenewalAt?: string | null;
  pendingNotification?: Mail | null;
}

export interface SaleWorkflowState {
  status: SaleStatus;
  activationDate: string;
  nextRenewalAt: string | null;
}

export interface DecisionInput {
  /** The approver (or admin) deciding; recorded as the actor. */
  userId: string;
}

export interface RejectInput extends DecisionInput {
  reason: string;
}

export interface LaunchInput {
  saleDistributionId: string;
  userEmail: string;
  /** Who called the launch (the delivery system's token); recorded as the actor. */
  actorId: string;
}

export interface IssuedKey {
  id: string;
  key: string;
  userEmail: string;
  distributionId: string;
  issuedAt: string;
  expiresAt: string;
  /** False when the user already had a key: a relaunch. */
  created: boolean;
}

export const approveSaleUpdate = defineUpdate<{ status: SaleStatus }, [DecisionInput]>('approve');
export const rejectSaleUpdate = defineUpdate<{ status: SaleStatus }, [RejectInput]>('reject');
export interface CancelEarlyInput extends DecisionInput {
  reason: string;
}

/** An admin cancels the active sale before its end; answers once it is cancelled. */
export const cancelEarlyUpdate = defineUpdate<{ status: SaleStatus }, [CancelEarlyInput]>('cancelEarly');
export const launchKeyUpdate = defineUpdate<IssuedKey, [LaunchInput]>('launch');
export const activationDateChangedSignal = defineSignal<[{ activationDate: string }]>('activationDateChanged');
export const saleStateQuery = defineQuery<SaleWorkflowState>('state');
