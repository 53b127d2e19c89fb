import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFree, memberSlotFree, packageAtLeast, PACKAGES, PAYMENT_FREQUENCIES } from '../../src/domain/aggregators/catalog';
import { contractCursor } from '../../src/domain/aggregators/catalog';
import { AggregatorFailure, CommandRefusal } from '../../src/domain/aggregators/failures';
import { admitsProfiles, BATCH, commandAllowed, isBackfilling, nextBatchSize, planCommand, terminationReason, workflowTakesCommands } from '../../src/domain/aggregators/lifecycle';

describe('packages and tariffs', () => {
  it('orders packages basic < advanced < premium', () => {
    expect(PACKAGES.filter((p) => packageAtLeast(p, 'advanced'))).toEqual(['advanced', 'premium']);
    expect(packageAtLeast('basic', 'basic')).toBe(true);
    expect(packageAtLeast('advanced', 'premium')).toBe(false);
  });

  it('only the FREE payment frequency is free', () => {
    expect(PAYMENT_FREQUENCIES.filter((f) => isFree({ paymentFrequency: f }))).toEqual(['FREE']);
  });

  it('a contracts page ends at its last contract, by start instant and id', () => {
    expect(contractCursor({ startedUs: 1_700_000_000_123_456, id: '0b2f6c3e-0000-4000-8000-000000000001' })).toBe('1700000000123456_0b2f6c3e-0000-4000-8000-000000000001');
  });

  it('a member limit of null is unlimited; otherwise members stay below it', () => {
    expect(memberSlotFree(10_000, null)).toBe(true);
    expect(memberSlotFree(4, 5)).toBe(true);
    expect(memberSlotFree(5, 5)).toBe(false);
    expect(memberSlotFree(0, 0)).toBe(false);
  });
});

describe('what a command does to an integration', () => {
  const active = (tariffId: string | null) => ({ status: 'active' as const, tariffId });

  it('assigning a tariff starts a backfill; the same one again is a no-op', () => {
    expect(planCommand(active(null), { type: 'assign', tariffId: 't1' })).toEqual({ kind: 'change', mode: 'assign', tariffId: 't1', status: 'active', state: 'assigning' });
    expect(planCommand(active('t1'), { type: 'assign', tariffId: 't2' })).toMatchObject({ kind: 'change', mode: 'assign', tariffId: 't2' });
    expect(planCommand(active('t1'), { type: 'assign', tariffId: 't1' })).toEqual({ kind: 'noop' });
  });

  it('unassigning without a tariff is a no-op', () => {
    expect(planCommand(active('t1'), { type: 'unassign' })).toEqual({ kind: 'change', mode: 'unassign', tariffId: null, status: 'active', state: 'unassigning' });
    expect(planCommand(active(null), { type: 'unassign' })).toEqual({ kind: 'noop' });
  });

  it('deactivation is final: later commands are refused, a second deactivation is a no-op', () => {
    expect(planCommand(active('t1'), { type: 'deactivate' })).toEqual({ kind: 'change', mode: 'deactivate', tariffId: null, status: 'inactive', state: 'unassigning' });
    const inactive = { status: 'inactive' as const, tariffId: null };
    expect(planCommand(inactive, { type: 'assign', tariffId: 't1' })).toEqual({ kind: 'refuse', reason: 'inactive' });
    expect(planCommand(inactive, { type: 'unassign' })).toEqual({ kind: 'refuse', reason: 'inactive' });
    expect(planCommand(inactive, { type: 'deactivate' })).toEqual({ kind: 'noop' });
  });

  it('an inactive integration takes only a repeated deactivation; its workflow takes no command, and it admits no profile', () => {
    const types = ['assign', 'unassign', 'deactivate'] as const;
    expect(types.filter((t) => commandAllowed('active', t))).toEqual(['assign', 'unassign', 'deactivate']);
    expect(types.filter((t) => commandAllowed('inactive', t))).toEqual(['deactivate']);
    expect([workflowTakesCommands('active'), workflowTakesCommands('inactive')]).toEqual([true, false]);
    expect([admitsProfiles('active'), admitsProfiles('inactive')]).toEqual([true, false]);
  });

  it('a backfill runs while assigning or unassigning, not when idle or done', () => {
    expect((['idle', 'assigning', 'unassigning', 'done'] as const).filter(isBackfilling)).toEqual(['assigning', 'unassigning']);
  });

  it('keeps the failure values recorded in running histories', () => {
    expect(AggregatorFailure).toEqual({ INACTIVE: 'AggregatorInactive' });
    expect(CommandRefusal).toEqual({ INACTIVE: 'inactive' });
  });

  it('names why contracts end', () => {
    expect([terminationReason('assign'), terminationReason('unassign'), terminationReason('deactivate')]).toEqual(['tariff_changed', 'tariff_unassigned', 'aggregator_deactivated']);
  });
});

describe('batch sizing', () => {
  it('grows fast batches and shrinks slow ones, at most by half or double, within bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: BATCH.min, max: BATCH.max }), fc.integer({ min: 0, max: 60_000 }), (size, ms) => {
        const next = nextBatchSize(size, ms);
        expect(next).toBeGreaterThanOrEqual(BATCH.min);
        expect(next).toBeLessThanOrEqual(BATCH.max);
        expect(next).toBeLessThanOrEqual(Math.max(BATCH.min, size * 2));
        expect(next).toBeGreaterThanOrEqual(Math.max(BATCH.min, Math.floor(size / 2)));
        if (ms < BATCH.targetMs) expect(next).toBeGreaterThanOrEqual(Math.min(size, BATCH.max));
        if (ms > BATCH.targetMs) expect(next).toBeLessThanOrEqual(Math.max(size, BATCH.min));
      }),
    );
  });

  it('reaches the largest batch from the first in a few steps when batches are quick', () => {
    let size: number = BATCH.first;
    const sizes = [size];
    while (size < BATCH.max) sizes.push((size = nextBatchSize(size, 20)));
    expect(sizes).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 25_000]);
  });
});
