/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { getAssessment } from '../../../src/allotments/assessments';
import { getPriceList, linkOrganizationPriceList, updatePriceList, type PriceList } from '../../../src/allotments/price-lists';
import type { Principal } from '../../../src/domain/principal';
import { formatMoney } from '../../../src/domain/sales/notifications';
import type { AppEnv } from '../../context';
import { PatchPriceList } from '../../routes/allotments/price-lists';
import { Csrf, Notice, ProblemAlert, Select, Table } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { adminUser, doneFlag, idParam, organizationOptions } from './common';
import { BandRows, readBands, readTerms, TermsFields } from './price-list-form';
import { PRICE_LISTS, validity } from './price-lists';

type FormName = 'edit' | 'link';

const NOTICES: Record<string, string> = {
  created: 'Price list created.',
  updated: 'Price list saved.',
  version: 'A purchase was priced with the list, so the change made this new version; it replaced the old one in every organization’s link.',
  successor: 'Successor created: it prices purchases from the day after this list ends.',
  linked: 'Organization linked to this price list.',
};

const Bands = (p: { list: PriceList }) => (
  <>
    {Object.entries(p.list.currencies).map(([currency, bands]) => (
      <Table caption={`Volume bands in ${currency}`} head={['Band', 'From (units)', 'Up to (units)', 'Unit price']}>
        {bands.map((b, i) => (
          <tr>
            <td>{i + 1}</td>
            <td class="num">{i === 0 ? 1 : (bands[i - 1]!.upTo ?? 0) + 1}</td>
            <td class="num">{b.upTo ?? 'no end'}</td>
            <td class="num">{formatMoney({ amount: b.unitAmount, currency })}</td>
          </tr>
        ))}
      </Table>
    ))}
  </>
);

interface Props {
  list: PriceList;
  assessmentName: string;
  organizations: { value: string; label: string }[];
  csrf: string;
  notice?: string;
  failed?: { form: FormName; problem: FormProblem; values: Record<string, string> };
}

const PriceListScreen = (p: Props) => {
  const { list } = p;
  const base = `${PRICE_LISTS}/${list.id}`;
  const problemOf = (form: FormName) => (p.failed?.form === form ? p.failed.problem : undefined);
  const valuesOf = (form: FormName) => (p.failed?.form === form ? p.failed.values : undefined);
  const editProblem = problemOf('edit');
  const open = !list.replacedById;
  return (
    <>
      {p.notice && <Notice>{p.notice}</Notice>}
      <dl class="facts">
        <dt>Assessment</dt>
        <dd>
          <a href={`${PRICE_LISTS}?assessmentId=${list.assessmentId}`}>{p.assessmentName}</a>
        </dd>
        <dt>Valid</dt>
        <dd>{validity(list)}</dd>
        <dt>Tiers mode</dt>
        <dd>{list.tiersMode}</dd>
        <dt>Version</dt>
        <dd>{list.version}</dd>
        {list.replacesId && (<><dt>Replaces</dt><dd><a href={`${PRICE_LISTS}/${list.replacesId}`}>the earlier version</a></dd></>)}
        {list.replacedById && (<><dt>Replaced by</dt><dd><a href={`${PRICE_LISTS}/${list.replacedById}`}>version {list.version + 1}</a> (this one is not changed any more)</dd></>)}
        {list.successorId && (<><dt>Successor</dt><dd><a href={`${PRICE_LISTS}/${list.successorId}`}>the list after this one</a></dd></>)}
      </dl>
      <Bands list={list} />
      {open && (
        <>
          <h2 id="edit">Edit</h2>
          <p>A list no purchase has used changes in place; a used one keeps its terms and the change makes a new version.</p>
          <ProblemAlert problem={editProblem} />
          <form method="post" action={`${base}/edit`} aria-labelledby="edit">
            <Csrf token={p.csrf} />
            <TermsFields values={valuesOf('edit') ?? { name: list.name, validFrom: list.validFrom, validTo: list.validTo, tiersMode: list.tiersMode }} problem={editProblem} />
            {Object.entries(list.currencies).map(([currency, bands]) => (
              <BandRows prefix={`currencies.${currency}`} legend={`Volume bands in ${currency}`} bands={bands} typed={valuesOf('edit')} problem={editProblem} />
            ))}
            <button type="submit">Save changes</button>
          </form>
          <h2 id="link">Link to an organization</h2>
          <p>The organization is quoted from this list for the assessment (replacing any list linked before).</p>
          <ProblemAlert problem={problemOf('link')} />
          <form method="post" action={`${base}/link`} aria-labelledby="link">
            <Csrf token={p.csrf} />
            <Select name="organizationId" label="Organization" options={p.organizations} value={valuesOf('link')?.organizationId} problem={problemOf('link')} />
            <button type="submit">Link organization</button>
          </form>
        </>
      )}
      {open && list.validTo && !list.successorId && (
        <>
          <h2>Successor</h2>
          <p>
            This list ends on {list.validTo}. <a href={`${base}/successor`}>Create its successor</a>, which prices purchases from the next day on.
          </p>
        </>
      )}
    </>
  );
};

async function render(c: Context<AppEnv>, principal: Principal, csrf: string, id: string, failed?: Props['failed']) {
  const list = await getPriceList(c.var.deps, principal, id);
  const [assessment, organizations] = await Promise.all([getAssessment(c.var.deps, principal, list.assessmentId), organizationOptions(c, principal)]);
  const flag = doneFlag(c);
  return page(c, {
    title: `Price list ${list.name}`,
    current: PRICE_LISTS,
    status: (failed?.problem.status ?? 200) as 200,
    body: <PriceListScreen list={list} assessmentName={assessment.name} organizations={organizations} csrf={csrf} notice={flag && NOTICES[flag]} failed={failed} />,
  });
}

/** The edit form as PATCH /v1/price-lists/{id}'s body: the terms and every currency's bands. */
function patchBody(list: PriceList, fields: Record<string, string>) {
  const currencies = Object.fromEntries(Object.keys(list.currencies).map((cur) => [cur, readBands(fields, `currencies.${cur}`)]));
  return PatchPriceList.parse({ ...readTerms(fields, { clearValidTo: true }), currencies });
}

/** One price list (admins): its bands, edit (in place or a new version), successor, organization link. */
export function registerAdminPriceList(r: Hono<AppEnv>) {
  r.get('/admin/price-lists/:id', async (c) => {
    const { principal, csrf } = adminUser(c);
    return render(c, principal, csrf, idParam(c, 'Price list'));
  });

  r.post('/admin/price-lists/:id/edit', async (c) => {
    const { principal, csrf } = adminUser(c);
    const id = idParam(c, 'Price list');
    const fields = await formFields(c);
    const done = await attempt(async () => updatePriceList(c.var.deps, principal, id, patchBody(await getPriceList(c.var.deps, principal, id), fields)));
    if (done.ok) return c.redirect(`${PRICE_LISTS}/${done.value.list.id}?done=${done.value.newVersion ? 'version' : 'updated'}`, 303);
    return render(c, principal, csrf, id, { form: 'edit', problem: done.problem, values: fields });
  });

  r.post('/admin/price-lists/:id/link', async (c) => {
    const { principal, csrf } = adminUser(c);
    const id = idParam(c, 'Price list');
    const fields = await formFields(c);
    const done = await attempt(async () => {
      const { organizationId } = parseWith(z.object({ organizationId: z.uuid('Choose an organization') }), fields);
      const list = await getPriceList(c.var.deps, principal, id);
      return linkOrganizationPriceList(c.var.deps, principal, { organizationId, assessmentId: list.assessmentId, priceListId: id });
    });
    if (done.ok) return c.redirect(`${PRICE_LISTS}/${id}?done=linked`, 303);
    return render(c, principal, csrf, id, { form: 'link', problem: done.problem, values: fields });
  });
}
