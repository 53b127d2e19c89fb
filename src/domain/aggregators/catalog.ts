/** Studio packages, cheapest first: a feature "from Advanced" is open to every later package too. */
export const PACKAGES = ['basic', 'advanced', 'premium'] as const;
export type Package = (typeof PACKAGES)[number];

export const packageAtLeast = (pkg: Package, required: Package): boolean => PACKAGES.indexOf(pkg) >= PACKAGES.indexOf(required);

/** Assigning a tariff to an aggregator integration is available from this package on. */
export const TARIFF_ASSIGNMENT_PACKAGE: Package = 'advanced';

/** How often a tariff is paid; FREE tariffs carry services without charging for them. */
export const PAYMENT_FREQUENCIES = ['FREE', 'WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

export const isFree = (t: { paymentFrequency: PaymentFrequency }) => t.paymentFrequency === 'FREE';

export const SERVICE_KINDS = ['service', 'flat_rate', 'module'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const PROFILE_STATUSES = ['prospect', 'member', 'former'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** Whether a studio with `limit` booked members (null: unlimited) may have one more than `members`. */
export const memberSlotFree = (members: number, limit: number | null) => limit === null || members < limit;

/** Where a page of a profile's contracts (newest first) ends: its last contract's start, in microseconds, and id. */
export const contractCursor = (c: { startedUs: number; id: string }) => `${c.startedUs}_${c.id}`;
