/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { getAggregator, type AggregatorView } from '../../../src/aggregators/integrations';
import { isBackfilling } from '../../../src/domain/aggregators/lifecycle';
import type { AppEnv } from '../../context';
import { Progress } from '../components';
import { adminUser, idParam } from './common';

export const AGGREGATORS = '/portal/admin/aggregators';

/** What the integration's last (or running) backfill is doing, in words. */
function stateText(a: AggregatorView): string {
  const running = isBackfilling(a.state);
  if (a.state === 'idle') return 'No tariff has been assigned yet: no backfill has run.';
  if (a.mode === 'deactivate') return running ? 'Cleaning up after the deactivation: terminating contracts and detaching profiles…' : 'Clean-up done: the integration is inactive and its profiles are plain prospects.';
  if (a.mode === 'unassign') return running ? 'Removing the tariff: terminating the contracts…' : 'Done: the tariff is removed and its contracts terminated.';
  return running ? 'Assigning the tariff: giving every profile a contract…' : 'Done: every profile of the aggregator has a contract on the tariff.';
}

/**
 * The backfill's progress, exact as the API's profilesDone / profilesTotal. While a backfill runs
 * the fragment asks for itself again a second later (htmx) and stops once it is done.
 */
export const Backfill = (p: { aggregator: AggregatorView }) => {
  const a = p.aggregator;
  const poll = isBackfilling(a.state) ? { 'hx-get': `${AGGREGATORS}/${a.id}/backfill`, 'hx-trigger': 'load delay:1s', 'hx-swap': 'outerHTML' } : {};
  return (
    <section id="backfill" aria-labelledby="backfill-title" {...poll}>
      <h2 id="backfill-title">Backfill</h2>
      <p role="status">
        <strong>{a.state}</strong>: {stateText(a)}
      </p>
      {a.state !== 'idle' && <Progress label="Backfill progress" done={a.profilesDone} total={a.profilesTotal} />}
    </section>
  );
};

/** The progress fragment htmx polls; a full load of its URL goes to the integration's page. */
export function registerAdminBackfill(r: Hono<AppEnv>) {
  r.get('/admin/aggregators/:id/backfill', async (c) => {
    const { principal } = adminUser(c);
    const id = idParam(c, 'Aggregator');
    if (!c.req.header('hx-request')) return c.redirect(`${AGGREGATORS}/${id}`, 303);
    return c.html(<Backfill aggregator={await getAggregator(c.var.deps, principal, id)} />);
  });
}
