/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { approveSale, rejectSale } from '../../../src/sales/decisions';
import { listSales, type Sale } from '../../../src/sales/sales';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { Reject } from '../../routes/sales/schemas';
import { Csrf, Notice, ProblemAlert } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page, portalUser } from '../page';
import { saleIdOf, STATUS_LABELS, totalsText } from './views';

const QUEUE_SIZE = 100;

/** A failed decision, shown on the sale it was about. */
interface Failed {
  saleId: string;
  action: 'approve' | 'reject';
  reason?: string;
  problem: FormProblem;
}

const users = (s: Sale) => s.distributions.reduce((n, l) => n + l.numberOfUsers, 0);

/** One pending sale with its facts, Approve, and Reject with a reason. */
const Pending = (p: { sale: Sale; csrf: string; failed?: Failed }) => {
  const s = p.sale;
  const failed = p.failed?.saleId === s.id ? p.failed : undefined;
  const reasonId = `reason-${s.id}`;
  const reasonError = failed?.action === 'reject' ? failed.problem.fields.reason : undefined;
  return (
    <li class="pending">
      <h3 id={`sale-${s.id}`}>
        <a href={`/portal/sales/${s.id}`}>{s.name}</a>
      </h3>
      <p>
        {s.customer.name} · {users(s)} users · {totalsText(s.totals)} · activation {s.activationDate} · registered {s.createdAt.toISOString().slice(0, 10)}
      </p>
      {failed?.action === 'approve' && <ProblemAlert problem={failed.problem} />}
      <form method="post" action={`/portal/approvals/${s.id}/approve`}>
        <Csrf token={p.csrf} />
        <button type="submit">Approve {s.name}</button>
      </form>
      <form method="post" action={`/portal/approvals/${s.id}/reject`} novalidate>
        <Csrf token={p.csrf} />
        {failed?.action === 'reject' && <ProblemAlert problem={failed.problem} />}
        <div class={reasonError ? 'field invalid' : 'field'}>
          <label for={reasonId}>Reason for rejecting {s.name}</label>
          <input
            id={reasonId}
            name="reason"
            type="text"
            required
            value={failed?.reason}
            aria-invalid={reasonError ? 'true' : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
          />
          {reasonError && (
            <small id={`${reasonId}-error`} class="error">
              {reasonError}
            </small>
          )}
        </div>
        <button type="submit" class="danger">
          Reject {s.name}
        </button>
      </form>
    </li>
  );
};

async function renderQueue(c: Context<AppEnv>, o: { failed?: Failed; done?: { saleId: string; action: 'approved' | 'rejected' } } = {}) {
  const { principal, csrf } = portalUser(c);
  const sales = await listSales(c.var.deps, principal, { status: 'pending_approval', limit: QUEUE_SIZE });
  return page(c, {
    title: 'Approvals',
    current: '/portal/approvals',
    status: (o.failed?.problem.status ?? 200) as ContentfulStatusCode,
    body: (
      <>
        {o.done && (
          <Notice>
            <a href={`/portal/sales/${o.done.saleId}`}>The sale</a> is {o.done.action}; the user who registered it is e-mailed.
          </Notice>
        )}
        {o.failed && !sales.some((s) => s.id === o.failed?.saleId) && <ProblemAlert problem={o.failed.problem} />}
        <p>
          Sales {STATUS_LABELS.pending_approval.toLowerCase()} that you may decide{sales.length === QUEUE_SIZE ? ` (the first ${QUEUE_SIZE})` : ''}.
        </p>
        {sales.length === 0 ? (
          <p>No sale is waiting for approval.</p>
        ) : (
          <ul class="queue">
            {sales.map((s) => (
              <Pending sale={s} csrf={csrf} failed={o.failed} />
            ))}
          </ul>
        )}
      </>
    ),
  });
}

const doneOf = (c: Context<AppEnv>) => {
  const { approved, rejected } = c.req.query();
  if (approved) return { saleId: approved, action: 'approved' as const };
  if (rejected) return { saleId: rejected, action: 'rejected' as const };
  return undefined;
};

/** The approvers' queue (approvers and admins): the same services as POST /v1/sales/{id}/approve and /reject. */
export function registerApprovals(r: Hono<AppEnv>) {
  r.get('/approvals', (c) => {
    requireRole(c, 'approver', 'admin');
    const done = doneOf(c);
    return renderQueue(c, { done: done && /^[0-9a-f-]{36}$/i.test(done.saleId) ? done : undefined });
  });

  r.post('/approvals/:id/approve', async (c) => {
    const p = requireRole(c, 'approver', 'admin');
    const id = saleIdOf(c);
    const done = await attempt(() => approveSale(c.var.deps, p, id));
    if (!done.ok) return renderQueue(c, { failed: { saleId: id, action: 'approve', problem: done.problem } });
    return c.redirect(`/portal/approvals?approved=${id}`, 303);
  });

  r.post('/approvals/:id/reject', async (c) => {
    const p = requireRole(c, 'approver', 'admin');
    const id = saleIdOf(c);
    const fields = await formFields(c);
    const done = await attempt(() => rejectSale(c.var.deps, p, id, parseWith(Reject, { reason: fields.reason ?? '' }).reason));
    if (!done.ok) return renderQueue(c, { failed: { saleId: id, action: 'reject', reason: fields.reason, problem: done.problem } });
    return c.redirect(`/portal/approvals?rejected=${id}`, 303);
  });
}
