export interface Money {
  /** Integer minor units (cents). */
  amount: number;
  /** ISO-4217 code. */
  currency: string;
}

export const SALE_STATUSES = ['pending_approval', 'approved', 'active', 'rejected', 'cancelled'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export const KEY_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const SALES_TYPES = ['per_user'] as const;
export type SalesType = (typeof SALES_TYPES)[number];

export const DEFAULT_KEY_LENGTH_DAYS = 180;
