// A sale's states and what each one allows, written once. Pure: the services' pre-checks, the
// activities' checks inside their transactions and the workflow's update validators all read it.
//
//   pending_approval ─approve─▶ approved ─activate─▶ active ─cancel─▶ cancelled
//          └──────────reject─▶ rejected
import { activationInstant, cancellationInstant, todayUtc } from './dates';
import type { SaleStatus } from './types';

/** Every status change of a sale: the status it leaves and the one it reaches. */
export const SALE_TRANSITIONS = {
  approve: { from: 'pending_approval', to: 'approved' },
  reject: { from: 'pending_approval', to: 'rejected' },
  activate: { from: 'approved', to: 'active' },
  cancel: { from: 'active', to: 'cancelled' },
} as const satisfies Record<string, { from: SaleStatus; to: SaleStatus }>;

export type SaleTransition = keyof typeof SALE_TRANSITIONS;

/** The sale, in `status`, may take the transition now. */
export const canTake = (t: SaleTransition, status: SaleStatus): boolean => status === SALE_TRANSITIONS[t].from;

/** The sale already is where the transition leads (a retried activity finds its work done). */
export const hasTaken = (t: SaleTransition, status: SaleStatus): boolean => status === SALE_TRANSITIONS[t].to;

/** Every status a sale can be in once it has taken a transition: where it led, and where the sale went from there. */
const REACHED_BY: Record<SaleTransition, readonly SaleStatus[]> = {
  approve: ['approved', 'active', 'cancelled'],
  reject: ['rejected'],
  activate: ['active', 'cancelled'],
  cancel: ['cancelled'],
};

/**
 * The sale took the transition at some point, and may have moved on since: an activity run again
 * (a retry, or a workflow reset to before it) answers the status already recorded instead of refusing.
 */
export const hasPassed = (t: SaleTransition, status: SaleStatus): boolean => REACHED_BY[t].includes(status);

/** Approve and reject: only while the sale waits for a decision. */
export const isDecidable = (status: SaleStatus): boolean => canTake('approve', status) && canTake('reject', status);

/** Launches issue keys only while the sale is active. */
export const issuesKeys = (status: SaleStatus): boolean => status === 'active';

/** The activation date may move until the sale has become active (or ended undecided). */
export const activationDateMovable = (status: SaleStatus): boolean => status === 'pending_approval' || status === 'approved';

/** How every layer words "not in the status this needs": `The sale is approved, not pending approval`. */
export const notInStatus = (shown: string, needed: SaleStatus): string => `The sale is ${shown}, not ${needed.replace('_', ' ')}`;

/** null when the sale may take the transition, else why not. */
export const transitionRefusal = (t: SaleTransition, status: SaleStatus): string | null =>
  canTake(t, status) ? null : notInStatus(status, SALE_TRANSITIONS[t].from);

/** null when a launch may issue a key, else why not. */
export const launchRefusal = (status: SaleStatus): string | null => (issuesKeys(status) ? null : notInStatus(status, 'active'));

/** null when the activation date may move, else why not. */
export const activationDateRefusal = (status: SaleStatus): string | null =>
  activationDateMovable(status) ? null : `The activation date cannot change once the sale is ${status}`;

/** An activation date before today (UTC) is refused, at registration and when it moves. */
export const isPastActivationDate = (activationDate: string, now: Date): boolean => activationDate < todayUtc(now);

/** The activation date has come (its 00:00 UTC has passed): an approved sale becomes active. */
export const activationDue = (activationDate: string, now: Date): boolean => activationDate <= todayUtc(now);

/** The sale's end (00:00 UTC of its cancellation date) has come. */
export const hasEnded = (activationDate: string, nowMs: number): boolean => nowMs >= cancellationInstant(activationDate).getTime();

export const APPROVAL_TOO_LATE = 'The sale\'s cancellation date has passed; it can only be rejected';

/**
 * A launch is accepted while the sale is active, or when it is approved and its activation
 * instant has passed (the activation is being recorded), and never once the sale has ended.
 */
export function acceptsLaunch(status: SaleStatus, activationDate: string, nowMs: number): boolean {
  const activating = canTake('activate', status) && nowMs >= activationInstant(activationDate).getTime();
  return (issuesKeys(status) || activating) && !hasEnded(activationDate, nowMs);
}
