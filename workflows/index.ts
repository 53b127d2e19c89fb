// Every workflow the worker registers. Only sandbox-safe code may be imported from here.
export { pruneIdempotencyWorkflow } from './platform/prune-idempotency';
export { reconcileWorkflow } from './platform/reconcile';
export { saleWorkflow } from './sales/sale';
export { responseWorkflow } from './allotments/response';
export { purchaseWorkflow } from './allotments/purchase';
export { bulkInviteWorkflow } from './allotments/bulk-invite';
export { campaignWorkflow } from './groups/campaign';
export { groupSubscriptionWorkflow } from './groups/subscription';
export { groupImportWorkflow } from './groups/import';
export { aggregatorWorkflow } from './aggregators/aggregator';
