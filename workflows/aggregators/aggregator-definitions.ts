import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AggregatorCommand, AggregatorState, AggregatorStatus } from '../../src/domain/aggregators/lifecycle';

// Shared by the integration workflow and the API.

export interface AggregatorWorkflowInput {
  aggregatorId: string;
  /** Carried over by continue-as-new; absent on the first run. */
  resume?: { working: boolean; batchSize: number; deactivated: boolean };
}

/** Who asked, for the audit trail (`user:<id>`); never a secret. */
export interface CommandRequest {
  actor: string;
}

/** What applying a command did; the API reads the aggregator row for everything else. */
export interface CommandResult {
  changed: boolean;
  status: AggregatorStatus;
  state: AggregatorState;
  tariffId: string | null;
  generation: number;
}

export interface QueuedCommand {
  command: AggregatorCommand;
  actor: string;
}

/** Assigns a FREE tariff (the API checked package, studio and frequency); the same one again changes nothing. */
export const assignTariffUpdate = defineUpdate<CommandResult, [CommandRequest & { tariffId: string }]>('assignTariff');
export const unassignTariffUpdate = defineUpdate<CommandResult, [CommandRequest]>('unassignTariff');
/** Final: terminates the aggregator's contracts, detaches its profiles, and ends the workflow. */
export const deactivateUpdate = defineUpdate<CommandResult, [CommandRequest]>('deactivate');

export const aggregatorProgressQuery = defineQuery<{ working: boolean; batchSize: number; queued: number; deactivated: boolean }>('aggregatorProgress');

export const aggregatorWorkflowId = (aggregatorId: string) => `aggregator-${aggregatorId}`;
