import type { Money } from './types';

export interface PricedLine {
  /** The distribution's unit price per user. */
  distributionPrice: Money;
  /** Unit price × number of users. */
  salesPrice: Money;
}

export class PricingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PricingError';
  }
}

/** Prices one per-user distribution line in integer minor units; refuses amounts money cannot hold exactly. */
export function priceLine(unitAmount: number, numberOfUsers: number, currency: string): PricedLine {
  if (!Number.isSafeInteger(unitAmount) || unitAmount < 0) throw new PricingError('the unit price must be a non-negative integer amount');
  if (!Number.isSafeInteger(numberOfUsers) || numberOfUsers < 1) throw new PricingError('the number of users must be a positive integer');
  const total = unitAmount * numberOfUsers;
  if (!Number.isSafeInteger(total)) throw new PricingError('the sales price is too large');
  return {
    distributionPrice: { amount: unitAmount, currency },
    salesPrice: { amount: total, currency },
  };
}

/** Sum of the lines' sales prices per currency (a sale may mix currencies across lines). */
export function totalsByCurrency(lines: { salesPrice: Money }[]): Money[] {
  const sums = new Map<string, number>();
  for (const { salesPrice } of lines) sums.set(salesPrice.currency, (sums.get(salesPrice.currency) ?? 0) + salesPrice.amount);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));
}
