/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { getTariff, listTariffs } from '../../../src/aggregators/catalog';
import { assignTariff, deactivateAggregator, getAggregator, unassignTariff, type AggregatorView, type DryRun } from '../../../src/aggregators/integrations';
import { isFree } from '../../../src/domain/aggregators/catalog';
import type { Principal } from '../../../src/domain/principal';
import { getOrganization } from '../../../src/platform/organizations';
import type { Tariff } from '../../../src/repos/aggregators/tariffs';
import type { AppEnv } from '../../context';
import { AssignTariff } from '../../routes/aggregators/aggregators';
import { Csrf, Notice, ProblemAlert, Select } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { Backfill, AGGREGATORS } from './backfill';
import { adminUser, doneFlag, idParam } from './common';

/** The tariffs the widget offers: the studio's FREE ones, by the same rule the API checks (TARIFF_NOT_FREE otherwise). */
const TARIFF_CHOICES = 500;

const NOTICES: Record<string, string> = {
  created: 'Integration created. It has no tariff yet.',
  assigning: 'Tariff saved: the backfill gives every profile a contract.',
  unassigning: 'Tariff removed: the backfill terminates the contracts.',
  deactivating: 'Integration deactivated: the clean-up runs.',
  unchanged: 'Nothing to change: the integration already stands so.',
};

const servicesOf = (t: Tariff) => (t.services.length ? t.services.map((s) => s.name).join(', ') : 'no services');

function dryRunText(d: DryRun, tariffName = 'the tariff'): string {
  if (d.action === 'assign') {
    return `Dry run: ${d.profilesAffected} profiles will get a contract on ${tariffName} (${d.contractsToCreate} contracts to create, ${d.contractsToTerminate} to terminate). Nothing was changed.`;
  }
  if (d.action === 'unassign') return `Dry run: removing the tariff terminates ${d.contractsToTerminate} contracts. Nothing was changed.`;
  return `Dry run: deactivating terminates ${d.contractsToTerminate} contracts and detaches ${d.profilesToDetach} profiles, which stay as prospects. Nothing was changed.`;
}

interface Props {
  aggregator: AggregatorView;
  studio: string;
  tariffs: Tariff[];
  csrf: string;
  notice?: string;
  dryRun?: { text: string; form: 'tariff' | 'deactivate' };
  chosen?: string;
  failed?: { form: 'tariff' | 'deactivate'; problem: FormProblem };
}

const AggregatorScreen = (p: Props) => {
  const a = p.aggregator;
  const base = `${AGGREGATORS}/${a.id}`;
  const assigned = p.tariffs.find((t) => t.id === a.tariffId);
  const problemOf = (form: 'tariff' | 'deactivate') => (p.failed?.form === form ? p.failed.problem : undefined);
  const dryRunOf = (form: 'tariff' | 'deactivate') => p.dryRun?.form === form && <Notice>{p.dryRun.text}</Notice>;
  return (
    <>
      {p.notice && <Notice>{p.notice}</Notice>}
      <dl class="facts">
        <dt>Studio</dt>
        <dd>{p.studio}</dd>
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Assigned tariff</dt>
        <dd>{assigned ? `${assigned.name} (${servicesOf(assigned)})` : a.tariffId ? a.tariffId : 'none'}</dd>
        <dt>Created</dt>
        <dd>{a.createdAt.toISOString()}</dd>
        {a.deactivatedAt && (<><dt>Deactivated</dt><dd>{a.deactivatedAt.toISOString()}</dd></>)}
      </dl>
      {a.status === 'active' && (
        <>
          <h2 id="tariff-assignment">Tariff assignment</h2>
          <p>Every profile of this aggregator gets a contract on the tariff, and so its services, while staying a prospect. Only FREE tariffs of the studio can be assigned.</p>
          <ProblemAlert problem={problemOf('tariff')} />
          {dryRunOf('tariff')}
          {p.tariffs.length === 0 ? (
            <p>The studio has no FREE tariff yet: create one bundling the services (POST /v1/tariffs with paymentFrequency FREE).</p>
          ) : (
            <form method="post" action={`${base}/tariff`} aria-labelledby="tariff-assignment">
              <Csrf token={p.csrf} />
              <Select
                name="tariffId"
                label="Free tariff"
                options={p.tariffs.map((t) => ({ value: t.id, label: `${t.name} (${servicesOf(t)})` }))}
                value={p.chosen ?? a.tariffId ?? undefined}
                problem={problemOf('tariff')}
              />
              <div class="row">
                <button type="submit" name="intent" value="dry-run" class="secondary">Dry run</button>
                <button type="submit" name="intent" value="save">Save</button>
                {a.tariffId && (
                  <button type="submit" name="intent" value="unassign" class="secondary">Remove the tariff</button>
                )}
              </div>
            </form>
          )}
        </>
      )}
      <Backfill aggregator={a} />
      {a.status === 'active' && (
        <>
          <h2 id="deactivation">Deactivation</h2>
          <p>Final: the contracts based on the assigned tariff are terminated, the aggregator is removed from its profiles and they stay in the system as plain prospects.</p>
          <ProblemAlert problem={problemOf('deactivate')} />
          {dryRunOf('deactivate')}
          <form method="post" action={`${base}/deactivate`} class="row" aria-labelledby="deactivation">
            <Csrf token={p.csrf} />
            <button type="submit" name="intent" value="dry-run" class="secondary">Dry run of the deactivation</button>
            <button type="submit" name="intent" value="deactivate" class="danger">Deactivate</button>
          </form>
        </>
      )}
    </>
  );
};

async function render(c: Context<AppEnv>, principal: Principal, csrf: string, id: string, extra: Pick<Props, 'dryRun' | 'chosen' | 'failed'> = {}) {
  const aggregator = await getAggregator(c.var.deps, principal, id);
  const [studio, tariffs] = await Promise.all([
    getOrganization(c.var.deps, principal, aggregator.organizationId),
    listTariffs(c.var.deps, principal, { organizationId: aggregator.organizationId, paymentFrequency: 'FREE', limit: TARIFF_CHOICES }),
  ]);
  const flag = doneFlag(c);
  return page(c, {
    title: `Aggregator ${aggregator.name}`,
    current: AGGREGATORS,
    status: (extra.failed?.problem.status ?? 200) as 200,
    body: <AggregatorScreen aggregator={aggregator} studio={studio.name} tariffs={tariffs.filter(isFree)} csrf={csrf} notice={flag && NOTICES[flag]} {...extra} />,
  });
}

type Outcome = Awaited<ReturnType<typeof assignTariff>>;

/** Post/Redirect/Get to the page showing the backfill (or saying nothing changed). */
const redirectTo = (id: string, outcome: Exclude<Outcome, DryRun>, flag: string) => `${AGGREGATORS}/${id}?done=${outcome.accepted ? flag : 'unchanged'}`;

/** An aggregator integration (admins): the Tariff assignment widget, the backfill's progress, deactivation. */
export function registerAdminAggregator(r: Hono<AppEnv>) {
  r.get('/admin/aggregators/:id', async (c) => {
    const { principal, csrf } = adminUser(c);
    return render(c, principal, csrf, idParam(c, 'Aggregator'));
  });

  r.post('/admin/aggregators/:id/tariff', async (c) => {
    const { principal, csrf } = adminUser(c);
    const id = idParam(c, 'Aggregator');
    const { intent = 'save', ...fields } = await formFields(c);
    const done = await attempt(async (): Promise<Outcome> => {
      if (intent === 'unassign') return unassignTariff(c.var.deps, principal, id, { dryRun: false });
      const { tariffId } = parseWith(AssignTariff, fields);
      return assignTariff(c.var.deps, principal, id, tariffId, { dryRun: intent === 'dry-run' });
    });
    if (!done.ok) return render(c, principal, csrf, id, { chosen: fields.tariffId, failed: { form: 'tariff', problem: done.problem } });
    if (!('dryRun' in done.value)) return c.redirect(redirectTo(id, done.value, intent === 'unassign' ? 'unassigning' : 'assigning'), 303);
    const tariff = done.value.tariffId ? await getTariff(c.var.deps, principal, done.value.tariffId) : undefined;
    return render(c, principal, csrf, id, { chosen: fields.tariffId, dryRun: { form: 'tariff', text: dryRunText(done.value, tariff?.name) } });
  });

  r.post('/admin/aggregators/:id/deactivate', async (c) => {
    const { principal, csrf } = adminUser(c);
    const id = idParam(c, 'Aggregator');
    const { intent } = await formFields(c);
    const done = await attempt(() => deactivateAggregator(c.var.deps, principal, id, { dryRun: intent === 'dry-run' }));
    if (!done.ok) return render(c, principal, csrf, id, { failed: { form: 'deactivate', problem: done.problem } });
    if (!('dryRun' in done.value)) return c.redirect(redirectTo(id, done.value, 'deactivating'), 303);
    return render(c, principal, csrf, id, { dryRun: { form: 'deactivate', text: dryRunText(done.value) } });
  });
}
