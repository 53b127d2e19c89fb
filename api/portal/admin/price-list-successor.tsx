/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { createSuccessor, getPriceList } from '../../../src/allotments/price-lists';
import { dayAfter } from '../../../src/domain/allotments/pricing';
import type { Principal } from '../../../src/domain/principal';
import type { AppEnv } from '../../context';
import { CreateSuccessor } from '../../routes/allotments/price-lists';
import { Csrf, Notice, ProblemAlert } from '../components';
import { attempt, formFields, type FormProblem } from '../forms';
import { page } from '../page';
import { adminUser, idParam } from './common';
import { bandsProblem, OneCurrencyFields, readOneCurrency, TermsFields } from './price-list-form';
import { PRICE_LISTS } from './price-lists';

async function render(c: Context<AppEnv>, principal: Principal, csrf: string, id: string, o: { values?: Record<string, string>; problem?: FormProblem } = {}) {
  const list = await getPriceList(c.var.deps, principal, id);
  const base = `${PRICE_LISTS}/${id}`;
  const body = list.validTo ? (
    <>
      <p>
        The successor of <a href={base}>{list.name}</a> prices purchases from {dayAfter(list.validTo)}, the day after it ends; organizations linked to it are
        quoted from the successor from then on.
      </p>
      <ProblemAlert problem={o.problem} />
      <form method="post" action={`${base}/successor`}>
        <Csrf token={csrf} />
        <TermsFields values={o.values ?? {}} problem={o.problem} successor={{ startsOn: dayAfter(list.validTo) }} />
        <OneCurrencyFields currency={o.values?.currency ?? Object.keys(list.currencies)[0]} typed={o.values} problem={o.problem} />
        <button type="submit">Create successor</button>
      </form>
    </>
  ) : (
    <Notice>
      <a href={base}>{list.name}</a> has no end date: give it a "valid to" first.
    </Notice>
  );
  return page(c, { title: `Successor of ${list.name}`, current: PRICE_LISTS, status: (o.problem?.status ?? 200) as 200, body });
}

/** A price list's successor (admins), through the same service as POST /v1/price-lists/{id}/successor. */
export function registerAdminPriceListSuccessor(r: Hono<AppEnv>) {
  r.get('/admin/price-lists/:id/successor', async (c) => {
    const { principal, csrf } = adminUser(c);
    return render(c, principal, csrf, idParam(c, 'Price list'));
  });

  r.post('/admin/price-lists/:id/successor', async (c) => {
    const { principal, csrf } = adminUser(c);
    const id = idParam(c, 'Price list');
    const fields = await formFields(c);
    const { currency, body } = readOneCurrency(fields);
    const done = await attempt(() => createSuccessor(c.var.deps, principal, id, CreateSuccessor.parse(body)));
    if (done.ok) return c.redirect(`${PRICE_LISTS}/${done.value.id}?done=successor`, 303);
    return render(c, principal, csrf, id, { values: fields, problem: bandsProblem(done.problem, currency, 'bands') });
  });
}
