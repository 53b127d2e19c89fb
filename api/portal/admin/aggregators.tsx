/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { createAggregator, listAggregators, type AggregatorView } from '../../../src/aggregators/integrations';
import type { Principal } from '../../../src/domain/principal';
import type { AppEnv } from '../../context';
import { CreateAggregator } from '../../routes/aggregators/aggregators';
import { Csrf, Field, FilterForm, ProblemAlert, Select, Table } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { AGGREGATORS } from './backfill';
import { adminUser, idParam, organizationOptions } from './common';

/** How many integrations one page lists. */
const SHOWN = 200;

interface Props {
  aggregators: AggregatorView[];
  studios: { value: string; label: string }[];
  studioId?: string;
  csrf: string;
  values?: Record<string, string>;
  problem?: FormProblem;
}

const AggregatorsScreen = (p: Props) => {
  const studioName = new Map(p.studios.map((s) => [s.value, s.label]));
  return (
    <>
      <FilterForm action={AGGREGATORS} submit="Show integrations">
        <Select id="filter-organizationId" name="organizationId" label="Show the studio" options={[{ value: '', label: 'All studios' }, ...p.studios]} value={p.studioId ?? ''} />
      </FilterForm>
      <Table caption="Aggregator integrations" head={['Name', 'Studio', 'Status', 'Backfill', 'Profiles done']}>
        {p.aggregators.map((a) => (
          <tr>
            <td>
              <a href={`${AGGREGATORS}/${a.id}`}>{a.name}</a>
            </td>
            <td>{studioName.get(a.organizationId) ?? a.organizationId}</td>
            <td>{a.status}</td>
            <td>{a.state}</td>
            <td class="num">
              {a.profilesDone} of {a.profilesTotal}
            </td>
          </tr>
        ))}
      </Table>
      {p.aggregators.length === 0 && <p>No integrations yet.</p>}
      <h2 id="new">New integration</h2>
      <p>An aggregator partner of a studio, such as a corporate-fitness platform. It starts without a tariff.</p>
      <ProblemAlert problem={p.problem} />
      <form method="post" action={AGGREGATORS} aria-labelledby="new">
        <Csrf token={p.csrf} />
        <Select name="organizationId" label="Studio" options={p.studios} value={p.values?.organizationId ?? p.studioId} problem={p.problem} required />
        <Field name="name" label="Name" value={p.values?.name} required problem={p.problem} />
        <button type="submit">Create integration</button>
      </form>
    </>
  );
};

async function render(c: Context<AppEnv>, principal: Principal, csrf: string, o: { studioId?: string; values?: Record<string, string>; problem?: FormProblem } = {}) {
  const [aggregators, studios] = await Promise.all([
    listAggregators(c.var.deps, principal, { organizationId: o.studioId, limit: SHOWN }),
    organizationOptions(c, principal),
  ]);
  return page(c, {
    title: 'Aggregators',
    current: AGGREGATORS,
    status: (o.problem?.status ?? 200) as 200,
    body: <AggregatorsScreen aggregators={aggregators} studios={studios} studioId={o.studioId} csrf={csrf} values={o.values} problem={o.problem} />,
  });
}

/** The aggregator integrations (admins): list by studio, and a new one through the same service as POST /v1/aggregators. */
export function registerAdminAggregators(r: Hono<AppEnv>) {
  r.get('/admin/aggregators', async (c) => {
    const { principal, csrf } = adminUser(c);
    const asked = c.req.query('organizationId');
    return render(c, principal, csrf, { studioId: asked ? idParam(c, 'Organization', asked) : undefined });
  });

  r.post('/admin/aggregators', async (c) => {
    const { principal, csrf } = adminUser(c);
    const fields = await formFields(c);
    const done = await attempt(() => createAggregator(c.var.deps, principal, parseWith(CreateAggregator, fields)));
    if (done.ok) return c.redirect(`${AGGREGATORS}/${done.value.id}?done=created`, 303);
    return render(c, principal, csrf, { values: fields, problem: done.problem });
  });
}
