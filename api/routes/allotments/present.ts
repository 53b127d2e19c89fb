import type { PurchaseView } from '../../../src/allotments/purchases';
import type { LedgerEntry } from '../../../src/allotments/ledger';
import type { ResponseRow } from '../../../src/allotments/responses';
import { available } from '../../../src/domain/allotments/ledger';
import { awaitsPayment } from '../../../src/domain/allotments/lifecycle';

export const presentResponse = (r: ResponseRow) => ({
  id: r.id,
  assessmentId: r.assessmentId,
  organizationId: r.organizationId,
  cohortId: r.cohortId,
  jobId: r.jobId,
  source: r.source,
  respondent: { email: r.respondentEmail, name: r.respondentName },
  counted: r.counted,
  notify: r.notify,
  status: r.status,
  expiresAt: r.expiresAt,
  createdAt: r.createdAt,
  completedAt: r.completedAt,
  expiredAt: r.expiredAt,
});

export const presentPurchase = (p: PurchaseView) => ({
  id: p.id,
  organizationId: p.organizationId,
  assessmentId: p.assessmentId,
  status: p.status,
  quantity: p.quantity,
  currency: p.currency,
  unitAmount: { amount: p.unitAmount, currency: p.currency },
  amount: { amount: p.amount, currency: p.currency },
  paymentMethod: p.paymentMethod,
  checkout: p.paymentFlow === 'checkout',
  priceListId: p.priceListId,
  clientSecret: awaitsPayment(p.status) ? p.clientSecret : null,
  paymentIntentId: p.stripePaymentIntentId,
  checkoutUrl: awaitsPayment(p.status) ? p.checkoutUrl : null,
  checkoutSessionId: p.stripeCheckoutSessionId,
  refundedUnits: p.refundedUnits,
  shortfall: p.refundShortfall,
  reversals: p.reversals.map((r) => ({
    kind: r.kind, stripeObjectId: r.stripeObjectId, amount: { amount: r.amount, currency: p.currency },
    units: r.units, taken: r.taken, shortfall: r.shortfall, eventId: r.eventId, recordedAt: r.recordedAt,
  })),
  paymentMismatches: p.paymentMismatches.map((m) => ({
    eventId: m.eventId, eventType: m.eventType, objectId: m.objectId,
    amount: m.amount === null ? null : { amount: m.amount, currency: (m.currency ?? '').toUpperCase() },
    reasons: m.reasons, recordedAt: m.recordedAt,
  })),
  expiresAt: p.expiresAt,
  paidAt: p.paidAt,
  createdAt: p.createdAt,
});

export const presentLedgerEntry = (e: LedgerEntry) => ({
  id: e.id,
  organizationId: e.organizationId,
  assessmentId: e.assessmentId,
  at: e.at,
  kind: e.kind,
  units: e.units,
  actor: e.actor,
  source: e.source,
  purchaseId: e.purchaseId,
  responseId: e.responseId,
  cohortId: e.cohortId,
  jobId: e.jobId,
  allocated: e.allocated,
  invited: e.invited,
  used: e.used,
  unexpired: e.unexpired,
  expired: e.expired,
  available: available(e),
});
