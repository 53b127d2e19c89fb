/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { listAssessments, type Assessment } from '../../../src/allotments/assessments';
import { createPriceList, listPriceLists, type PriceList } from '../../../src/allotments/price-lists';
import { utcDate } from '../../../src/domain/allotments/pricing';
import type { Principal } from '../../../src/domain/principal';
import type { AppEnv } from '../../context';
import { CreatePriceList } from '../../routes/allotments/price-lists';
import { Csrf, FilterForm, Notice, ProblemAlert, Select, Table } from '../components';
import { attempt, formFields, type FormProblem } from '../forms';
import { page } from '../page';
import { adminUser, idParam } from './common';
import { bandsProblem, OneCurrencyFields, readOneCurrency, TermsFields } from './price-list-form';

export const PRICE_LISTS = '/portal/admin/price-lists';

/** How many lists and assessments one page shows. */
const SHOWN = 200;

export const validity = (l: Pick<PriceList, 'validFrom' | 'validTo'>) => `${l.validFrom} – ${l.validTo ?? 'no end'}`;

const statusOf = (l: PriceList) => (l.replacedById ? `replaced (version ${l.version})` : `version ${l.version}`);

interface ScreenProps {
  assessments: Assessment[];
  assessmentId?: string;
  lists: PriceList[];
  csrf: string;
  values?: Record<string, string>;
  problem?: FormProblem;
}

const PriceListsScreen = (p: ScreenProps) => (
  <>
    <FilterForm action={PRICE_LISTS} submit="Show its price lists">
      <Select name="assessmentId" label="Assessment" options={p.assessments.map((a) => ({ value: a.id, label: a.name }))} value={p.assessmentId} />
    </FilterForm>
    {p.assessments.length === 0 && <Notice>There are no assessments yet: create one with POST /v1/assessments first.</Notice>}
    {p.assessmentId && (
      <>
        <Table caption="Price lists of the assessment, newest first" head={['Name', 'Valid', 'Tiers', 'Currencies', 'Version']}>
          {p.lists.map((l) => (
            <tr>
              <td>
                <a href={`${PRICE_LISTS}/${l.id}`}>{l.name}</a>
              </td>
              <td>{validity(l)}</td>
              <td>{l.tiersMode}</td>
              <td>{Object.keys(l.currencies).join(', ')}</td>
              <td>{statusOf(l)}</td>
            </tr>
          ))}
        </Table>
        {p.lists.length === 0 && <p>This assessment has no price list yet.</p>}
        <h2 id="new">New price list</h2>
        <ProblemAlert problem={p.problem} />
        <form method="post" action={`${PRICE_LISTS}?assessmentId=${p.assessmentId}`} aria-labelledby="new">
          <Csrf token={p.csrf} />
          <TermsFields values={{ validFrom: utcDate(new Date()), ...p.values }} problem={p.problem} />
          <OneCurrencyFields
            currency={p.values?.currency ?? 'EUR'}
            hint="ISO-4217 code, such as EUR or USD. The portal creates a list with one currency; more are added through the API (PATCH /v1/price-lists/{id} with currencies)."
            typed={p.values}
            problem={p.problem}
          />
          <button type="submit">Create price list</button>
        </form>
      </>
    )}
  </>
);

async function renderScreen(c: Context<AppEnv>, principal: Principal, csrf: string, assessmentId: string | undefined, o: { values?: Record<string, string>; problem?: FormProblem } = {}) {
  const assessments = await listAssessments(c.var.deps, principal, { limit: SHOWN });
  const chosen = assessmentId ?? assessments[0]?.id;
  const lists = chosen ? await listPriceLists(c.var.deps, principal, chosen, { limit: SHOWN }) : [];
  return page(c, {
    title: 'Price lists',
    current: PRICE_LISTS,
    status: (o.problem?.status ?? 200) as 200,
    body: <PriceListsScreen assessments={assessments} assessmentId={chosen} lists={lists} csrf={csrf} values={o.values} problem={o.problem} />,
  });
}

/** Price lists per assessment (admins): the list, and a new one through the same service as POST /v1/assessments/{id}/price-lists. */
export function registerAdminPriceLists(r: Hono<AppEnv>) {
  r.get('/admin/price-lists', async (c) => {
    const { principal, csrf } = adminUser(c);
    const asked = c.req.query('assessmentId');
    return renderScreen(c, principal, csrf, asked ? idParam(c, 'Assessment', asked) : undefined);
  });

  r.post('/admin/price-lists', async (c) => {
    const { principal, csrf } = adminUser(c);
    const assessmentId = idParam(c, 'Assessment', c.req.query('assessmentId'));
    const fields = await formFields(c);
    const { currency, body } = readOneCurrency(fields);
    const done = await attempt(() => createPriceList(c.var.deps, principal, assessmentId, CreatePriceList.parse(body)));
    if (done.ok) return c.redirect(`${PRICE_LISTS}/${done.value.id}?done=created`, 303);
    const problem = bandsProblem(done.problem, currency, 'bands');
    // zod names a bad currency code as the record's key: show it at the currency field.
    if (problem.fields.bands === 'Invalid key in record') {
      problem.fields.currency = 'must be a three-letter ISO-4217 code, such as EUR';
      delete problem.fields.bands;
    }
    return renderScreen(c, principal, csrf, assessmentId, { values: fields, problem });
  });
}
