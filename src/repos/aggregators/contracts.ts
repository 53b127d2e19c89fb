import type { Db } from '../../db/connect';
import type { TerminationReason } from '../../domain/aggregators/lifecycle';
import type { TariffService } from './tariffs';

export interface Contract {
  id: string;
  profileId: string;
  tariffId: string;
  tariffName: string;
  paymentFrequency: string;
  services: TariffService[];
  aggregatorId: string | null;
  status: 'active' | 'terminated';
  startedAt: Date;
  terminatedAt: Date | null;
  terminationReason: TerminationReason | null;
  /** started_at in microseconds, for the list cursor. */
  startedUs: number;
}

/** The contract a profile created for an aggregator gets at once (the backfill skips it then). */
export async function insertAggregatorContract(sql: Db, c: { profileId: string; tariffId: string; aggregatorId: string }): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    insert into contracts (profile_id, tariff_id, aggregator_id) values (${c.profileId}, ${c.tariffId}, ${c.aggregatorId})
    on conflict (aggregator_id, profile_id) where status = 'active' and aggregator_id is not null do nothing
    returning id`;
  return row?.id ?? null;
}

/** A profile's contracts, newest first (the caller checked the profile's scope); `after` is a contractCursor. */
export async function listContracts(sql: Db, profileId: string, q: { status?: 'active' | 'terminated'; after?: string; limit: number }): Promise<Contract[]> {
  const [cursorUs, cursorId] = q.after ? q.after.split('_') : [];
  const startedUs = sql`(extract(epoch from c.started_at) * 1000000)::bigint`;
  return sql<Contract[]>`
    select c.id, c.profile_id, c.tariff_id, t.name as tariff_name, t.payment_frequency, c.aggregator_id, c.status,
           c.started_at, c.terminated_at, c.termination_reason, ${startedUs} as started_us,
           coalesce((select json_agg(json_build_object('name', s.name, 'kind', s.kind) order by s.position)
                     from tariff_services s where s.tariff_id = t.id), '[]'::json) as services
    from contracts c join tariffs t on t.id = c.tariff_id
    where c.profile_id = ${profileId}
      ${q.status ? sql`and c.status = ${q.status}` : sql``}
      ${cursorUs && cursorId ? sql`and (${startedUs}, c.id) < (${Number(cursorUs)}::bigint, ${cursorId}::uuid)` : sql``}
    order by c.started_at desc, c.id desc limit ${q.limit}`;
}
