import type { Db } from '../../db/connect';
import type { PaymentFrequency, ServiceKind } from '../../domain/aggregators/catalog';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { inScope } from '../scope';

export interface TariffService {
  name: string;
  kind: ServiceKind;
}

export interface Tariff {
  id: string;
  organizationId: string;
  name: string;
  paymentFrequency: PaymentFrequency;
  services: TariffService[];
  createdAt: Date;
}

const select = (sql: Db) => sql`
  select t.id, t.organization_id, t.name, t.payment_frequency, t.created_at,
         coalesce((select json_agg(json_build_object('name', s.name, 'kind', s.kind) order by s.position)
                   from tariff_services s where s.tariff_id = t.id), '[]'::json) as services
  from tariffs t`;

export async function insertTariff(
  sql: Db,
  t: { organizationId: string; name: string; paymentFrequency: PaymentFrequency; services: TariffService[]; createdBy: string | null },
): Promise<Tariff> {
  const [row] = await sql<{ id: string }[]>`
    insert into tariffs (organization_id, name, payment_frequency, created_by)
    values (${t.organizationId}, ${t.name}, ${t.paymentFrequency}, ${t.createdBy}) returning id`;
  if (t.services.length > 0) {
    await sql`
      insert into tariff_services (tariff_id, position, name, kind)
      select ${row!.id}, s.position, s.name, s.kind
      from unnest(${t.services.map((_, i) => i + 1)}::int[], ${t.services.map((s) => s.name)}::text[], ${t.services.map((s) => s.kind)}::text[])
           as s(position, name, kind)`;
  }
  return (await tariffById(sql, row!.id))!;
}

/** Unscoped: for callers that already checked the organization. */
export async function tariffById(sql: Db, id: string): Promise<Tariff | undefined> {
  const [row] = await sql<Tariff[]>`${select(sql)} where t.id = ${id}`;
  return row;
}

export async function getTariff(sql: Db, principal: Principal, id: string): Promise<Tariff> {
  const [row] = await sql<Tariff[]>`${select(sql)} where t.id = ${id} and ${inScope(sql, principal, 't.organization_id')}`;
  if (!row) throw notFound('Tariff');
  return row;
}

/** The optional filters of the tariffs list. */
export type TariffFilter = Page & { organizationId?: string; paymentFrequency?: PaymentFrequency };

export async function listTariffs(sql: Db, principal: Principal, q: TariffFilter): Promise<Tariff[]> {
  return sql<Tariff[]>`
    ${select(sql)}
    where ${inScope(sql, principal, 't.organization_id')} ${andEqual(sql, { 't.organization_id': q.organizationId, 't.payment_frequency': q.paymentFrequency })}
    ${keysetPage(sql, 't.id', q)}`;
}
