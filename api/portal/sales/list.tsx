/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { z } from 'zod';
import { SALE_STATUSES, type SaleStatus } from '../../../src/domain/sales/types';
import { listSales, type Sale } from '../../../src/sales/sales';
import type { AppEnv } from '../../context';
import { FilterForm, Select, Table } from '../components';
import { page, portalUser } from '../page';
import { STATUS_LABELS, totalsText } from './views';

const PAGE_SIZE = 50;
const Query = z.object({
  status: z.enum(SALE_STATUSES).optional().catch(undefined),
  organizationId: z.uuid().optional().catch(undefined),
  after: z.uuid().optional().catch(undefined),
});

const seats = (s: Sale) => `${s.distributions.reduce((n, l) => n + l.seatsUsed, 0)} of ${s.distributions.reduce((n, l) => n + l.numberOfUsers, 0)}`;

/** One row per sale; the name opens the sale's page. */
export const SalesTable = (p: { caption: string; sales: Sale[] }) => (
  <Table caption={p.caption} head={['Sale', 'Customer', 'Status', 'Seats used', 'Activation date', 'Cancellation date', 'Total']}>
    {p.sales.map((s) => (
      <tr>
        <td>
          <a href={`/portal/sales/${s.id}`}>{s.name}</a>
        </td>
        <td>{s.customer.name}</td>
        <td>{STATUS_LABELS[s.status]}</td>
        <td class="num">{seats(s)}</td>
        <td>{s.activationDate}</td>
        <td>{s.cancellationDate}</td>
        <td class="num">{totalsText(s.totals)}</td>
      </tr>
    ))}
  </Table>
);

/** Sales management (seed 001): the sales of the caller's organization and its child organizations, as GET /v1/sales scopes them. */
export function registerSalesList(r: Hono<AppEnv>) {
  r.get('/sales', async (c) => {
    const { principal } = portalUser(c);
    const q = Query.parse(c.req.query());
    const status: SaleStatus | undefined = q.status;
    const sales = await listSales(c.var.deps, principal, { status, organizationId: q.organizationId, after: q.after, limit: PAGE_SIZE });
    const next = sales.length === PAGE_SIZE ? new URLSearchParams({ ...(status && { status }), ...(q.organizationId && { organizationId: q.organizationId }), after: sales.at(-1)!.id }) : undefined;
    const canRegister = principal.role === 'admin' || principal.role === 'manager';
    return page(c, {
      title: 'Sales management',
      current: '/portal/sales',
      body: (
        <>
          <p>
            {principal.role === 'admin' ? 'Every sale.' : "Your organization's sales and those of its child organizations."}{' '}
            {canRegister && (
              <a class="button" href="/portal/sales/new">
                Register new sale
              </a>
            )}
          </p>
          <FilterForm action="/portal/sales" submit="Show">
            {q.organizationId && <input type="hidden" name="organizationId" value={q.organizationId} />}
            <Select name="status" label="Status" value={status ?? ''} options={[{ value: '', label: 'Any status' }, ...SALE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} />
          </FilterForm>
          {sales.length === 0 ? (
            <p>No sale{status ? ` is ${STATUS_LABELS[status].toLowerCase()}` : ' yet'}.</p>
          ) : (
            <SalesTable caption={status ? `Sales: ${STATUS_LABELS[status].toLowerCase()}` : 'Sales'} sales={sales} />
          )}
          {next && <a href={`/portal/sales?${next.toString()}`}>Next page</a>}
        </>
      ),
    });
  });
}
