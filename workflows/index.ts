// Every workflow the worker registers. Only sandbox-safe code may be imported from here.
export { pruneIdempotencyWorkflow } from './platform/prune-idempotency';
export { reconcileWorkflow } from './platform/reconcile';
export { saleWorkflow } from './sales/sale';
export { responseWorkflow } from './allotments/response';
export { purchaseWorkflow } from './allotments/purchase';
export { bulkInviteWorkflow } from './allotments/bulk-invite';
export { lowBalanceAlertWorkflow } from './allotments/low-balance';
export { campaignWorkflow } from './groups/campaign';
export { groupSubscriptionWorkflow } from './groups/subscription';
export { groupImportWorkflow } from './groups/import';
export { campaignCodeSendsWorkflow } from './groups/code-sends';
export { aggregatorWorkflow } from './aggregators/aggregator';
export { webhookDeliveryWorkflow } from './platform/webhook-delivery';
