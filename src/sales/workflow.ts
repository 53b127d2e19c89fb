import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { SaleFailure } from '../domain/sales/failures';
import { AppError, errorStatus, type ErrorCode } from '../errors';
import type { Services } from '../platform/services';
import { startLifecycle } from '../temporal/start';
import type { saleWorkflow } from '../../workflows/sales/sale';
import { launchKeyUpdate, SALE_KIND, saleWorkflowId, type IssuedKey, type LaunchInput } from '../../workflows/sales/sale-definitions';

export const saleHandle = (s: Pick<Services, 'temporal'>, saleId: string) => s.temporal.workflow.getHandle<typeof saleWorkflow>(saleWorkflowId(saleId));
export type SaleHandle = ReturnType<typeof saleHandle>;

/** Starts `sale-<id>`, tagged for ops with the customer organization and the first status. */
export async function startSaleWorkflow(
  s: Pick<Services, 'temporal' | 'taskQueue'>,
  sale: { id: string; organizationId: string; activationDate: string },
): Promise<void> {
  await startLifecycle(s.temporal, 'saleWorkflow', {
    workflowId: saleWorkflowId(sale.id),
    taskQueue: s.taskQueue,
    args: [{ saleId: sale.id, organizationId: sale.organizationId, activationDate: sale.activationDate }],
    kind: SALE_KIND,
    organizationId: sale.organizationId,
    status: 'pending_approval',
  });
}

/** Runs a workflow call and answers a refusal as the problem its failure type names. */
export async function askSale<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in errorStatus) {
      throw new AppError(cause.type as ErrorCode, cause.message);
    }
    // The workflow has ended (rejected or cancelled): nothing about the sale can change any more.
    if (err instanceof WorkflowNotFoundError) throw new AppError('INVALID_STATE', 'The sale\'s lifecycle has ended');
    throw err;
  }
}

const RETRIES = 200;
const RESOURCE_EXHAUSTED = 8;

/**
 * The server's rejection of an update that a workflow task completed without taking up (it arrived
 * while a task full of launches was finishing): never run, so sending it again is safe.
 */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

/**
 * Worth sending again: the run is handing over to its successor (SALE_BUSY), the update was
 * rejected unprocessed, or the server's cap on concurrent updates per workflow (10 by default) is reached.
 */
function isTransient(err: unknown): boolean {
  if (err instanceof WorkflowUpdateFailedError) {
    return err.cause instanceof ApplicationFailure && (err.cause.type === SaleFailure.SALE_BUSY || err.cause.type === UNPROCESSED_UPDATE);
  }
  const e = err as { code?: number; cause?: { code?: number } } | null;
  return e?.code === RESOURCE_EXHAUSTED || e?.cause?.code === RESOURCE_EXHAUSTED;
}

/** A launch through the workflow's update, sent again while the sale is momentarily busy. */
export async function launchThroughWorkflow(s: Pick<Services, 'temporal'>, saleId: string, input: LaunchInput): Promise<IssuedKey> {
  const handle = saleHandle(s, saleId);
  for (let attempt = 1; ; attempt++) {
    try {
      return await askSale(() => handle.executeUpdate(launchKeyUpdate, { args: [input] }));
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (attempt >= RETRIES) throw new AppError('UNAVAILABLE', 'The sale is busy; try again');
      await new Promise((r) => setTimeout(r, Math.min(10 * attempt, 200) * (0.5 + Math.random())));
    }
  }
}
