/**
 * The integration's lifecycle as pure rules: what a command does to an integration, and how big
 * the next backfill batch should be. The workflow, the activities and the API's dry runs share them.
 */
import { CommandRefusal } from './failures';

export type AggregatorStatus = 'active' | 'inactive';
/** idle: nothing ever ran; assigning / unassigning: a backfill is running; done: the last one finished. */
export type AggregatorState = 'idle' | 'assigning' | 'unassigning' | 'done';
/** What a backfill does to each profile of the aggregator. */
export type BackfillMode = 'assign' | 'unassign' | 'deactivate';
export type TerminationReason = 'tariff_changed' | 'tariff_unassigned' | 'aggregator_deactivated';

export type AggregatorCommand =
  | { type: 'assign'; tariffId: string }
  | { type: 'unassign' }
  | { type: 'deactivate' };

export interface IntegrationSnapshot {
  status: AggregatorStatus;
  tariffId: string | null;
}

export type Plan =
  | { kind: 'refuse'; reason: CommandRefusal }
  | { kind: 'noop' }
  | { kind: 'change'; mode: BackfillMode; tariffId: string | null; status: AggregatorStatus; state: 'assigning' | 'unassigning' };

/**
 * An active integration takes every command; an inactive one (deactivation is final) only a
 * repeated deactivation, which changes nothing.
 */
export const commandAllowed = (status: AggregatorStatus, command: AggregatorCommand['type']): boolean => status === 'active' || command === 'deactivate';

/**
 * Only an active integration's workflow takes commands: once deactivation is accepted it refuses
 * the rest, finishes the cleanup and ends.
 */
export const workflowTakesCommands = (status: AggregatorStatus): boolean => status === 'active';

/** Profiles created through an inactive aggregator are refused. */
export const admitsProfiles = (status: AggregatorStatus): boolean => status === 'active';

/** A backfill is walking the aggregator's profiles (in batches) in these states. */
export const isBackfilling = (state: AggregatorState): state is 'assigning' | 'unassigning' => state === 'assigning' || state === 'unassigning';

/**
 * Assigning the tariff already assigned, unassigning when none is, and deactivating twice change
 * nothing; anything else starts a backfill of a new generation that supersedes a running one.
 */
export function planCommand(current: IntegrationSnapshot, command: AggregatorCommand): Plan {
  if (!commandAllowed(current.status, command.type)) return { kind: 'refuse', reason: CommandRefusal.INACTIVE };
  if (current.status === 'inactive') return { kind: 'noop' };
  switch (command.type) {
    case 'assign':
      if (current.tariffId === command.tariffId) return { kind: 'noop' };
      return { kind: 'change', mode: 'assign', tariffId: command.tariffId, status: 'active', state: 'assigning' };
    case 'unassign':
      if (current.tariffId === null) return { kind: 'noop' };
      return { kind: 'change', mode: 'unassign', tariffId: null, status: 'active', state: 'unassigning' };
    case 'deactivate':
      return { kind: 'change', mode: 'deactivate', tariffId: null, status: 'inactive', state: 'unassigning' };
  }
}

export const terminationReason = (mode: BackfillMode): TerminationReason =>
  mode === 'assign' ? 'tariff_changed' : mode === 'unassign' ? 'tariff_unassigned' : 'aggregator_deactivated';

// Batches are sized to take about a quarter of a second: short transactions whatever the
// machine, few round trips for 100 000 profiles, and a first batch small enough to report
// progress at once.
export const BATCH = { first: 1_000, min: 500, max: 25_000, targetMs: 1_000 } as const;

/** The next batch size from how long the last one took: at most double or half, within bounds. */
export function nextBatchSize(size: number, elapsedMs: number): number {
  const scaled = elapsedMs <= 0 ? size * 2 : Math.round((size * BATCH.targetMs) / elapsedMs);
  const bounded = Math.min(size * 2, Math.max(Math.floor(size / 2), scaled));
  return Math.min(BATCH.max, Math.max(BATCH.min, bounded));
}
