import type { Db } from '../../db/connect';
import type { Recipient } from '../../domain/sales/notifications';

/**
 * Who is told that a sale waits: the approvers who may decide it (site approvers, without an
 * organization, and approvers of the customer organization or one of its ancestors) and every
 * admin (admins approve too). The same rule as saleScope for approvers.
 */
export async function saleDeciders(sql: Db, customerOrganizationId: string): Promise<Recipient[]> {
  return sql<Recipient[]>`
    select u.id, u.name, u.email from users u
    where u.role = 'admin'
       or (u.role = 'approver'
           and (u.organization_id is null
                or u.organization_id = any(select unnest(path) from organizations where id = ${customerOrganizationId})))
    order by u.id`;
}

/** The user who registered the sale and the organization they registered it from (null for an admin). */
export async function saleRegistrant(sql: Db, saleId: string): Promise<{ name: string; email: string; organizationName: string | null } | undefined> {
  const [row] = await sql<{ name: string; email: string; organizationName: string | null }[]>`
    select u.name, u.email, o.name as organization_name
    from sales s join users u on u.id = s.registered_by left join organizations o on o.id = u.organization_id
    where s.id = ${saleId}`;
  return row;
}
