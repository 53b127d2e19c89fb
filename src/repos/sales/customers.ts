import type { Db } from '../../db/connect';

export interface Person {
  name: string;
  email: string;
}

export interface CustomerPerson extends Person {
  id: string;
  organizationId: string;
  createdAt: Date;
}

type Kind = 'contacts' | 'users';
const table = (sql: Db, kind: Kind) => sql(kind === 'contacts' ? 'customer_contacts' : 'customer_users');

/**
 * Adds the customer organization's contacts or users entered with a sale. Someone already on
 * file (same e-mail, any case) is kept as is, so re-entering them is harmless.
 */
export async function addCustomerPeople(sql: Db, kind: Kind, organizationId: string, saleId: string, people: Person[]): Promise<CustomerPerson[]> {
  if (people.length === 0) return [];
  const rows = people.map((p) => ({ organizationId, saleId, name: p.name, email: p.email }));
  return sql<CustomerPerson[]>`
    insert into ${table(sql, kind)} ${sql(rows as never[])}
    on conflict (organization_id, lower(email)) do nothing
    returning id, organization_id, name, email, created_at`;
}

export async function listCustomerPeople(sql: Db, kind: Kind, organizationId: string): Promise<CustomerPerson[]> {
  return sql<CustomerPerson[]>`
    select id, organization_id, name, email, created_at from ${table(sql, kind)}
    where organization_id = ${organizationId} order by created_at, id`;
}
