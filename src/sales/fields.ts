import { isPastActivationDate } from '../domain/sales/lifecycle';
import { AppError } from '../errors';

/** Fields a registration may not send: the cancellation date follows the activation date, the status the lifecycle. */
export const READ_ONLY_ON_CREATE = ['cancellationDate', 'status'] as const;
/** Fields an edit may not send: besides those, everything fixed at registration. */
export const READ_ONLY_ON_PATCH = ['cancellationDate', 'distributions', 'numberOfUsers', 'customer', 'organizationId', 'status'] as const;

export type ReadOnlyFields<F extends readonly string[]> = { [K in F[number]]?: unknown };

/** Read-only fields are refused by name, with 422, before anything changes. */
export function refuseImmutable<F extends readonly string[]>(body: ReadOnlyFields<F>, readOnly: F): void {
  const fields = readOnly.filter((f: F[number]) => body[f] !== undefined);
  if (fields.length) {
    throw new AppError('IMMUTABLE_FIELD', `${fields.join(', ')} cannot be set: ${fields.includes('cancellationDate') ? 'the cancellation date is always the activation date + 365 days' : 'fixed at registration'}`, { fields });
  }
}

export function refusePastActivation(activationDate: string): void {
  if (isPastActivationDate(activationDate, new Date())) {
    throw new AppError('VALIDATION_FAILED', 'The activation date cannot be in the past', { errors: [{ path: 'activationDate', message: 'must be today (UTC) or later' }] });
  }
}
