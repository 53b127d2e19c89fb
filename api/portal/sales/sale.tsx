/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { keyStatus } from '../../../src/domain/sales/keys';
import { listSaleKeys } from '../../../src/sales/keys';
import { getSaleDetail, type SaleDetail } from '../../../src/sales/sales';
import type { AppEnv } from '../../context';
import { Notice, Table } from '../components';
import { page, portalUser } from '../page';
import { money, saleIdOf, STATUS_LABELS, totalsText } from './views';

const KEYS_SHOWN = 100;
const instant = (d: Date | null) => (d ? d.toISOString() : '—');

const NOTICES: Record<string, string> = {
  registered: 'The sale is registered and pending approval. The approvers have been told; you are e-mailed once it is decided.',
};

const Facts = (p: { sale: SaleDetail }) => {
  const s = p.sale;
  const rows: [string, string][] = [
    ['Status', STATUS_LABELS[s.status]],
    ['Customer', s.customer.name],
    ['Seats used', `${s.distributions.reduce((n, l) => n + l.seatsUsed, 0)} of ${s.distributions.reduce((n, l) => n + l.numberOfUsers, 0)} users`],
    ['Total', totalsText(s.totals)],
    ['Activation date', s.activationDate],
    ['Cancellation date', s.cancellationDate],
    ['Customer PO number', s.customerPoNumber ?? '—'],
    ['Order number', s.orderNumber ?? '—'],
    ['Billed', s.billed],
    ['Registered', instant(s.createdAt)],
    ...(s.decidedAt ? ([[s.status === 'rejected' ? 'Rejected' : 'Approved', instant(s.decidedAt)]] as [string, string][]) : []),
    ...(s.rejectionReason ? ([['Reason for rejection', s.rejectionReason]] as [string, string][]) : []),
    ...(s.cancellationReason ? ([['Reason for cancellation', s.cancellationReason]] as [string, string][]) : []),
  ];
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
};

/** A sale's page: its status, seats, dates and billing, its distributions, licence keys and comments. */
export function registerSalePage(r: Hono<AppEnv>) {
  r.get('/sales/:id', async (c) => {
    const { principal } = portalUser(c);
    const id = saleIdOf(c);
    const sale = await getSaleDetail(c.var.deps, principal, id);
    const keys = await listSaleKeys(c.var.deps, principal, id, { limit: KEYS_SHOWN });
    const lineName = new Map(sale.distributions.map((l) => [l.distributionId, l.name]));
    const notice = NOTICES[Object.keys(c.req.query()).find((k) => k in NOTICES) ?? ''];
    const now = new Date();
    return page(c, {
      title: `Sale: ${sale.name}`,
      current: '/portal/sales',
      body: (
        <div class="sale-page">
          {notice && <Notice>{notice}</Notice>}
          <p>
            <a href="/portal/sales">All sales</a>
            {sale.status === 'pending_approval' && (principal.role === 'approver' || principal.role === 'admin') && (
              <>
                {' · '}
                <a href="/portal/approvals">Decide it in Approvals</a>
              </>
            )}
          </p>
          <Facts sale={sale} />
          <h2>Distributions</h2>
          <Table caption="Distributions of this sale" head={['Distribution', 'Sales type', 'Number of users', 'Seats used', 'Key length', 'Price per user', 'Sales price']}>
            {sale.distributions.map((l) => (
              <tr>
                <td>{l.name}</td>
                <td>{l.salesType === 'per_user' ? 'Per user' : l.salesType}</td>
                <td class="num">{l.numberOfUsers}</td>
                <td class="num">{l.seatsUsed}</td>
                <td class="num">{l.keyLengthDays} days</td>
                <td class="num">{money(l.distributionPrice)}</td>
                <td class="num">{money(l.salesPrice)}</td>
              </tr>
            ))}
          </Table>
          <h2>Licence keys</h2>
          {keys.length === 0 ? (
            <p>No key yet: a user's first launch of a test issues their key, from the activation date on.</p>
          ) : (
            <Table caption={keys.length === KEYS_SHOWN ? `The first ${KEYS_SHOWN} licence keys` : 'Licence keys'} head={['User', 'Distribution', 'Key', 'Status', 'Issued', 'Expires', 'Renewals']}>
              {keys.map((k) => (
                <tr>
                  <td>{k.userEmail}</td>
                  <td>{lineName.get(k.distributionId)}</td>
                  <td>
                    <code>{k.key}</code>
                  </td>
                  <td>{keyStatus(k, now)}</td>
                  <td>{instant(k.issuedAt)}</td>
                  <td>{instant(k.expiresAt)}</td>
                  <td class="num">{k.renewals}</td>
                </tr>
              ))}
            </Table>
          )}
          <h2>Comments</h2>
          {sale.comments.length === 0 ? (
            <p>No comment.</p>
          ) : (
            <ul class="comments">
              {sale.comments.map((m) => (
                <li>
                  <small>{instant(m.createdAt)}</small> {m.text}
                </li>
              ))}
            </ul>
          )}
          <h2>Customer contacts and users</h2>
          <p>
            Contacts: {sale.contacts.length ? sale.contacts.map((p) => `${p.name} <${p.email}>`).join(', ') : 'none'}. Users:{' '}
            {sale.users.length ? sale.users.map((p) => `${p.name} <${p.email}>`).join(', ') : 'none'}.
          </p>
        </div>
      ),
    });
  });
}
