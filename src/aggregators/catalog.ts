import type { Db } from '../db/connect';
import type { PaymentFrequency } from '../domain/aggregators/catalog';
import { actorOf, type Principal } from '../domain/principal';
import { notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import { insertTariff, type Tariff, type TariffService } from '../repos/aggregators/tariffs';
import { organizationInScope } from '../repos/scope';

export interface TariffInput {
  organizationId: string;
  name: string;
  paymentFrequency: PaymentFrequency;
  services: TariffService[];
}

/** A studio's tariff and the services it bundles, in one transaction. */
export async function createTariff(tx: Db, principal: Principal, input: TariffInput): Promise<Tariff> {
  if (!(await organizationInScope(tx, principal, input.organizationId))) throw notFound('Organization');
  const tariff = await insertTariff(tx, { ...input, createdBy: principal.userId });
  await recordAudit(tx, { actor: actorOf(principal), entity: 'tariff', entityId: tariff.id, action: 'create', organizationId: tariff.organizationId, after: tariff });
  return tariff;
}
