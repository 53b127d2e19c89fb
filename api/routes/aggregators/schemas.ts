import { z } from '@hono/zod-openapi';
import { PAYMENT_FREQUENCIES, PROFILE_STATUSES, SERVICE_KINDS } from '../../../src/domain/aggregators/catalog';
import type { AggregatorView } from '../../../src/aggregators/integrations';
import type { Contract } from '../../../src/repos/aggregators/contracts';

export const ServiceSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SERVICE_KINDS),
});

export const TariffSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    paymentFrequency: z.enum(PAYMENT_FREQUENCIES),
    services: z.array(z.object({ name: z.string(), kind: z.enum(SERVICE_KINDS) })),
    createdAt: z.date(),
  })
  .openapi('Tariff');

export const AggregatorSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    status: z.enum(['active', 'inactive']),
    tariffId: z.uuid().nullable().openapi({ description: 'The assigned FREE tariff; null by default and after unassigning or deactivating' }),
    state: z.enum(['idle', 'assigning', 'unassigning', 'done']).openapi({
      description: 'idle: nothing ever ran; assigning / unassigning: a backfill is walking the profiles; done: the last one finished',
    }),
    profilesTotal: z.number().int().openapi({ description: 'Profiles of the aggregator the current (or last) backfill covers' }),
    profilesDone: z.number().int().openapi({ description: 'Of those, how many are where the backfill takes them' }),
    workflowId: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deactivatedAt: z.date().nullable(),
  })
  .openapi('Aggregator');

export const presentAggregator = (a: AggregatorView): z.infer<typeof AggregatorSchema> => ({
  id: a.id,
  organizationId: a.organizationId,
  name: a.name,
  status: a.status,
  tariffId: a.tariffId,
  state: a.state,
  profilesTotal: a.profilesTotal,
  profilesDone: a.profilesDone,
  workflowId: a.workflowId,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  deactivatedAt: a.deactivatedAt,
});

export const DryRunSchema = z
  .object({
    dryRun: z.literal(true),
    action: z.enum(['assign', 'unassign', 'deactivate']),
    aggregatorId: z.uuid(),
    tariffId: z.uuid().nullable(),
    profilesAffected: z.number().int().openapi({ description: 'Profiles the request would change; 0 when it would change nothing' }),
    contractsToCreate: z.number().int(),
    contractsToTerminate: z.number().int(),
    profilesToDetach: z.number().int(),
  })
  .openapi('AggregatorDryRun');

export const DryRunQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .openapi({ description: 'true: answer how many profiles the request would touch, and change nothing' }),
});

export const ProfileSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    email: z.string(),
    status: z.enum(PROFILE_STATUSES),
    aggregatorId: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('Profile');

export const ContractSchema = z
  .object({
    id: z.uuid(),
    profileId: z.uuid(),
    tariffId: z.uuid(),
    tariffName: z.string(),
    paymentFrequency: z.enum(PAYMENT_FREQUENCIES),
    services: z.array(z.object({ name: z.string(), kind: z.enum(SERVICE_KINDS) })),
    source: z.enum(['aggregator', 'studio']),
    aggregatorId: z.uuid().nullable(),
    status: z.enum(['active', 'terminated']),
    startedAt: z.date(),
    terminatedAt: z.date().nullable(),
    terminationReason: z.enum(['tariff_changed', 'tariff_unassigned', 'aggregator_deactivated']).nullable(),
  })
  .openapi('Contract');

export const presentContract = (c: Contract): z.infer<typeof ContractSchema> => ({
  id: c.id,
  profileId: c.profileId,
  tariffId: c.tariffId,
  tariffName: c.tariffName,
  paymentFrequency: c.paymentFrequency as z.infer<typeof ContractSchema>['paymentFrequency'],
  services: c.services,
  source: c.aggregatorId ? 'aggregator' : 'studio',
  aggregatorId: c.aggregatorId,
  status: c.status,
  startedAt: c.startedAt,
  terminatedAt: c.terminatedAt,
  terminationReason: c.terminationReason,
});

export const MemberStatsSchema = z
  .object({
    organizationId: z.uuid(),
    members: z.number().int(),
    prospects: z.number().int().openapi({ description: 'All prospects, aggregator prospects included' }),
    aggregatorProspects: z.number().int().openapi({ description: 'Prospects that came through an aggregator (never members)' }),
    formers: z.number().int(),
    memberLimit: z.number().int().nullable(),
    membersAvailable: z.number().int().nullable().openapi({ description: 'memberLimit − members; null without a limit' }),
  })
  .openapi('MemberStats');
