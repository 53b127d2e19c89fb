import { keyStatus } from '../../../src/domain/sales/keys';
import type { SaleKeyRow } from '../../../src/sales/keys';
import type { SeatMoveRow } from '../../../src/sales/seats';

/** A licence key as its sale's readers see it, with its status as of now. */
export const keyView = (k: Pick<SaleKeyRow, 'id' | 'key' | 'userEmail' | 'distributionId' | 'issuedAt' | 'expiresAt' | 'renewals' | 'revokedAt' | 'revocationReason'>) => ({
  id: k.id,
  key: k.key,
  userEmail: k.userEmail,
  distributionId: k.distributionId,
  issuedAt: k.issuedAt,
  expiresAt: k.expiresAt,
  status: keyStatus(k, new Date()),
  renewals: k.renewals,
  revokedAt: k.revokedAt,
  revocationReason: k.revocationReason,
});

/** A key in a list across sales: the key and the sale it belongs to. */
export const keyInSaleView = (k: SaleKeyRow) => ({ ...keyView(k), saleId: k.saleId });

/** What anyone may learn of a key: whether it works, and until when. Nothing of its sale or user. */
export const publicKeyView = (k: Pick<SaleKeyRow, 'key' | 'expiresAt' | 'revokedAt'>) => ({ key: k.key, status: keyStatus(k, new Date()), expiresAt: k.expiresAt });

/** A seat moved from one user to another. */
export const seatMoveView = (m: SeatMoveRow) => ({
  id: m.id,
  saleId: m.saleId,
  distributionId: m.distributionId,
  fromEmail: m.fromEmail,
  toEmail: m.toEmail,
  reason: m.reason,
  movedBy: m.movedBy,
  movedAt: m.movedAt,
  revokedKeyId: m.revokedKeyId,
  claimedKeyId: m.claimedKeyId,
  claimedAt: m.claimedAt,
});
