import { actorOf, type Principal } from '../domain/principal';
import { notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { findDistribution, insertDistribution, listDistributions as readDistributions, type Distribution, type DistributionInput } from '../repos/sales/distributions';

export type { Distribution, DistributionInput };

/** A catalog entry sales are registered against; a sales type given twice counts once. */
export function createDistribution(s: Pick<Services, 'sql'>, p: Principal, body: DistributionInput): Promise<Distribution> {
  const input = { ...body, salesTypes: [...new Set(body.salesTypes)] };
  return s.sql.begin(async (tx) => {
    const created = await insertDistribution(tx, input);
    await recordAudit(tx, { actor: actorOf(p), entity: 'distribution', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

export function listDistributions(s: Pick<Services, 'sql'>, q: { after?: string; limit: number }): Promise<Distribution[]> {
  return readDistributions(s.sql, q);
}

export async function getDistribution(s: Pick<Services, 'sql'>, id: string): Promise<Distribution> {
  const d = await findDistribution(s.sql, id);
  if (!d) throw notFound('Distribution');
  return d;
}
