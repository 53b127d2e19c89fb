import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isFree, packageAtLeast, TARIFF_ASSIGNMENT_PACKAGE } from '../domain/aggregators/catalog';
import { AggregatorFailure } from '../domain/aggregators/failures';
import { commandAllowed, planCommand, workflowTakesCommands, type AggregatorCommand } from '../domain/aggregators/lifecycle';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import {
  aggregatorById,
  backfillCounts,
  getAggregator as readAggregator,
  insertAggregator,
  listAggregators as readAggregators,
  type Aggregator,
  type AggregatorFilter,
} from '../repos/aggregators/aggregators';
import { getTariff } from '../repos/aggregators/tariffs';
import { organizationById } from '../repos/organizations';
import { organizationInScope } from '../repos/scope';
import { startLifecycle } from '../temporal/start';
import {
  aggregatorWorkflowId,
  assignTariffUpdate,
  deactivateUpdate,
  unassignTariffUpdate,
  type CommandResult,
} from '../../workflows/aggregators/aggregator-definitions';

type AggregatorServices = Pick<Services, 'sql' | 'temporal' | 'taskQueue'>;

/** An integration as the API shows it: with the id of its workflow, for ops. */
export type AggregatorView = Aggregator & { workflowId: string };

const view = (a: Aggregator): AggregatorView => ({ ...a, workflowId: aggregatorWorkflowId(a.id) });

/** The integration and its workflow come into being together (the workflow waits for the commit). */
export async function createAggregator(services: AggregatorServices, principal: Principal, input: { organizationId: string; name: string }): Promise<AggregatorView> {
  return services.sql.begin(async (tx) => {
    if (!(await organizationInScope(tx, principal, input.organizationId))) throw notFound('Organization');
    const agg = await insertAggregator(tx, { ...input, createdBy: principal.userId });
    await recordAudit(tx, { actor: actorOf(principal), entity: 'aggregator', entityId: agg.id, action: 'create', organizationId: agg.organizationId, after: { name: agg.name, status: agg.status } });
    await startLifecycle(services.temporal, 'aggregatorWorkflow', {
      workflowId: aggregatorWorkflowId(agg.id),
      taskQueue: services.taskQueue,
      args: [{ aggregatorId: agg.id }],
      kind: 'aggregator',
      organizationId: agg.organizationId,
      status: agg.state,
    });
    return view(agg);
  });
}

/** The integrations of the studios in the caller's scope. */
export async function listAggregators(s: Pick<Services, 'sql'>, principal: Principal, q: AggregatorFilter): Promise<AggregatorView[]> {
  return (await readAggregators(s.sql, principal, q)).map(view);
}

/** The integration with its assignment progress. */
export async function getAggregator(s: Pick<Services, 'sql'>, principal: Principal, id: string): Promise<AggregatorView> {
  return view(await readAggregator(s.sql, principal, id));
}

export interface DryRun {
  dryRun: true;
  action: AggregatorCommand['type'];
  aggregatorId: string;
  tariffId: string | null;
  /** Profiles the command would change: a contract created or terminated, or the aggregator id removed. */
  profilesAffected: number;
  contractsToCreate: number;
  contractsToTerminate: number;
  profilesToDetach: number;
}

/** `accepted`: a backfill was started (or the command is queued behind a busy workflow). */
export type CommandOutcome = { aggregator: AggregatorView; accepted: boolean } | DryRun;

/** Refuses a command the integration's status does not take (an inactive one takes none but deactivation). */
const assertAllowed = (agg: Aggregator, command: AggregatorCommand['type']) => {
  if (!commandAllowed(agg.status, command)) throw new AppError('INVALID_STATE', 'The integration is deactivated', { integrationStatus: agg.status });
};

export async function assignTariff(services: AggregatorServices, principal: Principal, id: string, tariffId: string, o: { dryRun: boolean }): Promise<CommandOutcome> {
  const { sql } = services;
  const agg = await readAggregator(sql, principal, id);
  assertAllowed(agg, 'assign');
  const studio = (await organizationById(sql, agg.organizationId))!;
  if (!packageAtLeast(studio.package, TARIFF_ASSIGNMENT_PACKAGE)) {
    throw new AppError('PACKAGE_REQUIRED', `Assigning a tariff to an aggregator needs the "${TARIFF_ASSIGNMENT_PACKAGE}" package or higher; this studio has "${studio.package}"`, {
      package: studio.package,
      requiredPackage: TARIFF_ASSIGNMENT_PACKAGE,
    });
  }
  const tariff = await getTariff(sql, principal, tariffId);
  if (tariff.organizationId !== agg.organizationId) {
    throw new AppError('UNPROCESSABLE', 'The tariff belongs to another studio', { errors: [{ path: 'tariffId', message: "must be a tariff of the aggregator's studio" }] });
  }
  if (!isFree(tariff)) {
    throw new AppError('TARIFF_NOT_FREE', `Only FREE tariffs can be assigned to an aggregator; this one is paid ${tariff.paymentFrequency}`, { paymentFrequency: tariff.paymentFrequency });
  }
  return run(services, principal, agg, { type: 'assign', tariffId }, o);
}

export async function unassignTariff(services: AggregatorServices, principal: Principal, id: string, o: { dryRun: boolean }): Promise<CommandOutcome> {
  const agg = await readAggregator(services.sql, principal, id);
  assertAllowed(agg, 'unassign');
  return run(services, principal, agg, { type: 'unassign' }, o);
}

/** Deactivating twice is harmless: the second answers the inactive integration unchanged. */
export async function deactivateAggregator(services: AggregatorServices, principal: Principal, id: string, o: { dryRun: boolean }): Promise<CommandOutcome> {
  const agg = await readAggregator(services.sql, principal, id);
  return run(services, principal, agg, { type: 'deactivate' }, o);
}

async function run(services: AggregatorServices, principal: Principal, agg: Aggregator, command: AggregatorCommand, o: { dryRun: boolean }): Promise<CommandOutcome> {
  const plan = planCommand(agg, command);
  if (o.dryRun) return dryRun(services, agg, command, plan.kind === 'change' ? plan : null);
  // An inactive integration's workflow has ended. Anything else goes through the workflow even
  // when it looks like a no-op here: a change queued before it may still be waiting there.
  if (!workflowTakesCommands(agg.status)) return { aggregator: view(agg), accepted: false };
  const result = await sendCommand(services, agg, command, actorOf(principal));
  const fresh = (await aggregatorById(services.sql, agg.id))!;
  return { aggregator: view(fresh), accepted: result?.changed ?? true };
}

async function dryRun(services: AggregatorServices, agg: Aggregator, command: AggregatorCommand, plan: Extract<ReturnType<typeof planCommand>, { kind: 'change' }> | null): Promise<DryRun> {
  const base = { dryRun: true as const, action: command.type, aggregatorId: agg.id, tariffId: command.type === 'assign' ? command.tariffId : null };
  if (!plan) return { ...base, profilesAffected: 0, contractsToCreate: 0, contractsToTerminate: 0, profilesToDetach: 0 };
  const counts = await backfillCounts(services.sql, agg.id, plan.mode, plan.tariffId);
  return {
    ...base,
    profilesAffected: plan.mode === 'unassign' ? counts.contractsToTerminate : counts.pending,
    contractsToCreate: plan.mode === 'assign' ? counts.pending : 0,
    contractsToTerminate: counts.contractsToTerminate,
    profilesToDetach: plan.mode === 'deactivate' ? counts.total : 0,
  };
}

// A busy or briefly unavailable workflow still gets the command: the update stays queued in
// Temporal and the API answers 202 with the current state instead of holding the request open.
const UPDATE_WAIT_MS = 20_000;

async function sendCommand(services: AggregatorServices, agg: Aggregator, command: AggregatorCommand, actor: string): Promise<CommandResult | undefined> {
  const handle = services.temporal.workflow.getHandle(aggregatorWorkflowId(agg.id));
  const update =
    command.type === 'assign'
      ? handle.executeUpdate(assignTariffUpdate, { args: [{ tariffId: command.tariffId, actor }] })
      : handle.executeUpdate(command.type === 'unassign' ? unassignTariffUpdate : deactivateUpdate, { args: [{ actor }] });
  update.catch(() => {}); // the race below may stop listening; a late failure must not go unhandled
  try {
    return await Promise.race([update, new Promise<undefined>((ok) => setTimeout(() => ok(undefined), UPDATE_WAIT_MS).unref())]);
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if ((cause instanceof ApplicationFailure && cause.type === AggregatorFailure.INACTIVE) || err instanceof WorkflowNotFoundError) {
      throw new AppError('INVALID_STATE', 'The integration is deactivated', { integrationStatus: 'inactive' });
    }
    throw err;
  }
}
