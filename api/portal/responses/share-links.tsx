/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { listCohorts, listShareLinks, type Cohort, type ShareLinkRow } from '../../../src/allotments/cohorts';
import { createShareLink, revokeShareLink } from '../../../src/allotments/share-links';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { validationError } from '../../problem';
import { CreateShareLink } from '../../routes/allotments/cohorts';
import { Csrf, Notice, ProblemAlert, Select, Table } from '../components';
import { attempt, formFields } from '../forms';
import { isChosen, isoDate, readChoice, roomUrl, type Chosen } from './choice';
import { Checkbox, Section } from './picker';
import { cohortOptions, failedForm, roomPage, type Failed } from './responses-page';
import { chosenOrRefuse, parseAs } from './responses';

const TITLE = 'Share links';
const PATH = '/share-links';

/** A link just created: its URL, shown this once (the API keeps only the token's hash). */
interface Created {
  id: string;
  url: string;
}

const NewLink = (p: { link: Created }) => (
  <Notice>
    <p>The share link was created. Copy its URL now: it is shown only this once.</p>
    <div class="field copy-row">
      <label for="share-link-url">Share link URL</label>
      <div class="row">
        <input id="share-link-url" type="text" readonly value={p.link.url} />
        <button type="button" class="secondary" data-copy="#share-link-url">
          Copy
        </button>
      </div>
    </div>
  </Notice>
);

const Links = (p: { choice: Chosen; links: ShareLinkRow[]; cohorts: Cohort[] }) => {
  const cohortName = (id: string | null) => (id ? (p.cohorts.find((c) => c.id === id)?.name ?? id) : '—');
  if (p.links.length === 0) return <p>No share links yet.</p>;
  return (
    <Table caption="Share links, newest first" head={['Link', 'Created', 'Cohort', 'Invitation e-mails', 'Status', 'Action']}>
      {p.links.map((l) => (
        <tr>
          <td>
            <code>{l.id}</code>
          </td>
          <td>{isoDate(l.createdAt)}</td>
          <td>{cohortName(l.cohortId)}</td>
          <td>{l.notify ? 'Sent' : 'Not sent'}</td>
          <td>{l.revokedAt ? `Revoked on ${isoDate(l.revokedAt)}` : 'Active'}</td>
          <td>
            {!l.revokedAt && (
              <details>
                <summary>Revoke…</summary>
                <p>Respondents who open this link from now on are told it is revoked. Responses already started through it stay. A revoked link cannot be used again.</p>
                <form method="post" action={roomUrl(p.choice, `${PATH}/${l.id}/revoke`)}>
                  <Csrf token={p.choice.csrf} />
                  <button type="submit" class="danger">
                    Revoke this link
                  </button>
                </form>
              </details>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
};

async function render(c: Context<AppEnv>, choice: Chosen, o: { created?: Created; revoked?: boolean; failed?: Failed<'create' | 'revoke'>; status?: ContentfulStatusCode } = {}) {
  const deps = c.var.deps;
  const [links, cohorts] = await Promise.all([
    listShareLinks(deps, choice.principal, choice.assessment.id, { organizationId: choice.organizationId, limit: 100 }),
    listCohorts(deps, choice.principal, choice.assessment.id, { organizationId: choice.organizationId, limit: 200 }),
  ]);
  const create = failedForm(o.failed, 'create');
  const v = create?.values ?? {};
  return roomPage(c, choice, {
    title: TITLE,
    path: PATH,
    status: o.status,
    notice: o.revoked ? 'The share link was revoked.' : undefined,
    body: (
      <>
        {o.created && <NewLink link={o.created} />}
        <Section id="create-link" title="Create a share link">
          <p>Anyone with the link can start a response to {choice.assessment.name}; each one counts against the allotment like any other.</p>
          <ProblemAlert problem={create?.problem} />
          <form method="post" action={roomUrl(choice, PATH)}>
            <Csrf token={choice.csrf} />
            {cohorts.length > 0 && <Select name="cohortId" label="Cohort" value={v.cohortId} options={cohortOptions(cohorts)} problem={create?.problem} />}
            <Checkbox name="notify" label="E-mail an invitation to everyone who starts a response through it" checked={create ? v.notify === 'true' : true} />
            <button type="submit">Create a share link</button>
          </form>
        </Section>
        <Section id="links" title="Share links">
          <ProblemAlert problem={failedForm(o.failed, 'revoke')?.problem} />
          <Links choice={choice} links={links} cohorts={cohorts} />
        </Section>
      </>
    ),
  });
}

/** Where the link is served: PUBLIC_BASE_URL, else the address this page was reached at. */
const origin = (c: Context<AppEnv>) => new URL(c.var.deps.config.PUBLIC_BASE_URL ?? c.req.url).origin;

/** Share links (docs/portal.md "Responses"): create one, copy its URL, revoke. */
export function registerShareLinkScreens(r: Hono<AppEnv>) {
  r.get(`/responses${PATH}`, async (c) => {
    requireRole(c, 'admin', 'manager');
    const choice = await readChoice(c);
    if (!isChosen(choice)) return roomPage(c, choice, { title: TITLE, path: PATH });
    return render(c, choice, { revoked: c.req.query('revoked') === '1' });
  });

  // Not redirected after success: the page that answers is the only one that ever shows the token.
  r.post(`/responses${PATH}`, async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const fields = await formFields(c);
    const done = await attempt(() => {
      const body = parseAs(CreateShareLink, { organizationId: choice.organizationId, cohortId: fields.cohortId || undefined, notify: fields.notify === 'true' });
      return createShareLink(c.var.deps, principal, choice.assessment.id, body);
    });
    if (!done.ok) return render(c, choice, { failed: { form: 'create', problem: done.problem, values: fields }, status: done.problem.status as ContentfulStatusCode });
    return render(c, choice, { created: { id: done.value.id, url: `${origin(c)}${done.value.path}` }, status: 201 });
  });

  r.post(`/responses${PATH}/:id/revoke`, async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const id = z.uuid().safeParse(c.req.param('id'));
    if (!id.success) throw validationError(id.error, 'path');
    const done = await attempt(() => revokeShareLink(c.var.deps, principal, id.data));
    if (!done.ok) return render(c, choice, { failed: { form: 'revoke', problem: done.problem, values: {} }, status: done.problem.status as ContentfulStatusCode });
    return c.redirect(roomUrl(choice, PATH, { revoked: '1' }), 303);
  });
}
