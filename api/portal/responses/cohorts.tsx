/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { createCohort, inviteToCohort, listCohorts, type Cohort } from '../../../src/allotments/cohorts';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { validationError } from '../../problem';
import { CohortInvitations, CreateCohort } from '../../routes/allotments/cohorts';
import { Csrf, Field, ProblemAlert, Select, Table, TextArea } from '../components';
import { attempt, formFields } from '../forms';
import { isChosen, isoDate, readChoice, roomUrl, type Chosen } from './choice';
import { Checkbox, ProblemList, Section } from './picker';
import { failedForm, roomPage, type Failed } from './responses-page';
import { chosenOrRefuse, endOfDay, parseAs } from './responses';

const TITLE = 'Cohorts';
const PATH = '/cohorts';

/** "e-mail, name" per line, as the API's `respondents` (the name may hold commas; blank lines are skipped). */
const respondentsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const comma = line.indexOf(',');
      return comma < 0 ? { email: line.trim(), name: '' } : { email: line.slice(0, comma).trim(), name: line.slice(comma + 1).trim() };
    });

/** `respondents.2.email` → "Line 3, e-mail": where the user typed it. */
const lineOf = (path: string) => {
  const m = /^respondents\.(\d+)\.(\w+)$/.exec(path);
  return m ? `Line ${Number(m[1]) + 1}, ${m[2] === 'email' ? 'e-mail' : m[2]}` : path;
};

const CohortList = (p: { cohorts: Cohort[]; choice: Chosen }) =>
  p.cohorts.length === 0 ? (
    <p>No cohorts yet.</p>
  ) : (
    <Table caption="Cohorts, newest first" head={['Name', 'Counted against the allotment', 'Created']}>
      {p.cohorts.map((k) => (
        <tr>
          <td>{k.name}</td>
          <td>{k.counted ? 'Yes' : 'No'}</td>
          <td>{isoDate(k.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );

async function render(c: Context<AppEnv>, choice: Chosen, o: { notice?: string; failed?: Failed<'create' | 'invite'>; status?: ContentfulStatusCode } = {}) {
  const cohorts = await listCohorts(c.var.deps, choice.principal, choice.assessment.id, { organizationId: choice.organizationId, limit: 200 });
  const create = failedForm(o.failed, 'create');
  const invite = failedForm(o.failed, 'invite');
  return roomPage(c, choice, {
    title: TITLE,
    path: PATH,
    status: o.status,
    notice: o.notice,
    body: (
      <>
        <Section id="cohort-list" title={`Cohorts of ${choice.assessment.name}`}>
          <p>
            {choice.assessment.pricingByCohort
              ? 'This assessment is priced by cohort: a new cohort takes one unit of the allotment at once; responses inside it are free.'
              : 'This assessment is priced by response: a cohort is free, and each response invited into it takes a unit.'}
          </p>
          <CohortList cohorts={cohorts} choice={choice} />
        </Section>
        <Section id="create-cohort" title="Create a cohort">
          <ProblemAlert problem={create?.problem} />
          <form method="post" action={roomUrl(choice, PATH)} novalidate>
            <Csrf token={choice.csrf} />
            <Field name="name" label="Cohort name" value={create?.values.name} required autocomplete="off" problem={create?.problem} />
            <button type="submit">Create the cohort</button>
          </form>
        </Section>
        {cohorts.length > 0 && (
          <Section id="invite" title="Invite to a cohort">
            <ProblemAlert problem={invite?.problem} />
            <ProblemList problem={invite?.problem} except={['cohortId', 'respondents', 'expiresAt']} label="Problems in the respondents" where={lineOf} />
            <form method="post" action={roomUrl(choice, `${PATH}/invitations`)} novalidate>
              <Csrf token={choice.csrf} />
              <Select name="cohortId" label="Cohort" value={invite?.values.cohortId} options={cohorts.map((k) => ({ value: k.id, label: k.name }))} problem={invite?.problem} />
              <TextArea name="respondents" label="Respondents" hint="One per line: e-mail, name (at most 1 000)." value={invite?.values.respondents} problem={invite?.problem} />
              <Field name="expiresAt" label="Expires on (optional)" type="date" value={invite?.values.expiresAt} hint="At the end of that day (UTC). Empty: the assessment's default." problem={invite?.problem} />
              <Checkbox name="notify" label="E-mail the invitations to the respondents" checked={invite ? invite.values.notify === 'true' : true} />
              <button type="submit">Invite</button>
            </form>
          </Section>
        )}
      </>
    ),
  });
}

/** Cohorts (docs/portal.md "Responses"): the list, a new cohort, invitations into one. */
export function registerCohortScreens(r: Hono<AppEnv>) {
  r.get(`/responses${PATH}`, async (c) => {
    requireRole(c, 'admin', 'manager');
    const choice = await readChoice(c);
    if (!isChosen(choice)) return roomPage(c, choice, { title: TITLE, path: PATH });
    const invited = Number(c.req.query('invited'));
    const notice = c.req.query('created') === '1' ? 'The cohort was created.' : Number.isInteger(invited) && invited > 0 ? `${invited} respondent(s) invited.` : undefined;
    return render(c, choice, { notice });
  });

  r.post(`/responses${PATH}`, async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const fields = await formFields(c);
    const done = await attempt(() => createCohort(c.var.deps, principal, choice.assessment.id, parseAs(CreateCohort, { organizationId: choice.organizationId, name: fields.name ?? '' })));
    if (!done.ok) return render(c, choice, { failed: { form: 'create', problem: done.problem, values: fields }, status: done.problem.status as ContentfulStatusCode });
    return c.redirect(roomUrl(choice, PATH, { created: '1' }), 303);
  });

  r.post(`/responses${PATH}/invitations`, async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const fields = await formFields(c);
    const cohortId = z.uuid().safeParse(fields.cohortId);
    const done = await attempt(() => {
      if (!cohortId.success) throw validationError(cohortId.error, 'cohortId');
      const body = parseAs(CohortInvitations, {
        respondents: respondentsOf(fields.respondents ?? ''),
        expiresAt: fields.expiresAt?.trim() ? endOfDay(fields.expiresAt.trim()) : undefined,
        notify: fields.notify === 'true',
      });
      return inviteToCohort(c.var.deps, principal, cohortId.data, body);
    });
    if (!done.ok) return render(c, choice, { failed: { form: 'invite', problem: done.problem, values: fields }, status: done.problem.status as ContentfulStatusCode });
    return c.redirect(roomUrl(choice, PATH, { invited: String(done.value.length) }), 303);
  });
}
