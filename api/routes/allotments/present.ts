import type { PurchaseView } from '../../../src/allotments/purchases';
import type { ResponseRow } from '../../../src/allotments/responses';
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
  priceListId: p.priceListId,
  clientSecret: awaitsPayment(p.status) ? p.clientSecret : null,
  paymentIntentId: p.stripePaymentIntentId,
  expiresAt: p.expiresAt,
  paidAt: p.paidAt,
  createdAt: p.createdAt,
});
