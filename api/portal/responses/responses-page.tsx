/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Cohort } from '../../../src/allotments/cohorts';
import type { ResponseRow } from '../../../src/allotments/responses';
import type { AppEnv } from '../../context';
import { Csrf, Field, Notice, ProblemAlert, Select, Table } from '../components';
import type { FormProblem } from '../forms';
import { page } from '../page';
import { isoDate, ROOT, roomUrl, type Choice, type Chosen } from './choice';
import { Checkbox, Picker, ProblemList, Section } from './picker';

/** Which form of a screen failed, with what the user had typed, so it shows again with the problem. */
export interface Failed<F extends string> {
  form: F;
  problem: FormProblem;
  values: Record<string, string>;
}

/** The failure if it was this form's; the screen's other forms show as new. */
export const failedForm = <F extends string>(failed: Failed<F> | undefined, form: F) => (failed?.form === form ? failed : undefined);

/**
 * A screen of the room: the picker (and, once chosen, the room's tabs), what the last action did,
 * then the screen's own body once an assessment and organization are chosen.
 */
export const roomPage = (c: Context<AppEnv>, choice: Choice, o: { title: string; path: string; notice?: string; status?: ContentfulStatusCode; body?: Child }) =>
  page(c, {
    title: o.title,
    current: ROOT,
    status: o.status,
    body: (
      <>
        <Picker choice={choice} path={o.path} />
        {o.notice && <Notice>{o.notice}</Notice>}
        {o.body}
      </>
    ),
  });

type ResponsesFailed = Failed<'create' | 'bulk'>;

const STATUS: Record<ResponseRow['status'], string> = { invited: 'Invited', completed: 'Completed', expired: 'Expired' };
const SOURCE: Record<ResponseRow['source'], string> = { manual: 'Manual entry', bulk: 'CSV upload', cohort: 'Cohort invitation', share_link: 'Share link' };

export const cohortOptions = (cohorts: Cohort[]) => [{ value: '', label: 'No cohort' }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))];

const RecentResponses = (p: { rows: ResponseRow[] }) =>
  p.rows.length === 0 ? (
    <p>No responses yet.</p>
  ) : (
    <Table caption="Recent responses, newest first" head={['Respondent', 'E-mail', 'Status', 'Source', 'Expires', 'Created']}>
      {p.rows.map((r) => (
        <tr>
          <td>{r.respondentName}</td>
          <td>{r.respondentEmail}</td>
          <td>{STATUS[r.status]}</td>
          <td>{SOURCE[r.source]}</td>
          <td>{isoDate(r.expiresAt)}</td>
          <td>{isoDate(r.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );

const CreateForm = (p: { choice: Chosen; cohorts: Cohort[]; failed?: ResponsesFailed }) => {
  const failed = failedForm(p.failed, 'create');
  const v = failed?.values ?? {};
  return (
    <Section id="create" title="Create a response">
      <ProblemAlert problem={failed?.problem} />
      <form method="post" action={roomUrl(p.choice)} novalidate>
        <Csrf token={p.choice.csrf} />
        <Field name="respondent.name" label="Respondent's name" value={v['respondent.name']} required autocomplete="off" problem={failed?.problem} />
        <Field name="respondent.email" label="Respondent's e-mail" type="email" value={v['respondent.email']} required autocomplete="off" problem={failed?.problem} />
        <Field
          name="expiresAt"
          label="Expires on (optional)"
          type="date"
          value={v.expiresAt}
          hint={`At the end of that day (UTC). Empty: in ${p.choice.assessment.responseExpiryDays} days, the assessment's default.`}
          problem={failed?.problem}
        />
        {p.cohorts.length > 0 && <Select name="cohortId" label="Cohort" value={v.cohortId} options={cohortOptions(p.cohorts)} problem={failed?.problem} />}
        <Checkbox name="notify" label="E-mail the invitation to the respondent" checked={failed ? v.notify === 'true' : true} />
        <button type="submit">Create the response</button>
      </form>
    </Section>
  );
};

const BulkForm = (p: { choice: Chosen; cohorts: Cohort[]; failed?: ResponsesFailed }) => {
  const failed = failedForm(p.failed, 'bulk');
  const v = failed?.values ?? {};
  return (
    <Section id="bulk" title="Upload a CSV">
      <p>
        A file with the header <code>email,name</code> (optional columns <code>expiresAt</code> and <code>cohortId</code>), one respondent per line. The whole
        file is checked first: if a line is wrong, nothing is created and the lines are listed here.
      </p>
      <ProblemAlert problem={failed?.problem} />
      <ProblemList problem={failed?.problem} except={['file', 'cohortId']} label="Problems in the file" />
      <form method="post" action={roomUrl(p.choice, '/bulk')} enctype="multipart/form-data" novalidate>
        <Csrf token={p.choice.csrf} />
        <Field name="file" label="CSV file" type="file" problem={failed?.problem} />
        {p.cohorts.length > 0 && <Select name="cohortId" label="Cohort for every row" value={v.cohortId} options={cohortOptions(p.cohorts)} problem={failed?.problem} />}
        <Checkbox name="notify" label="E-mail the invitations to the respondents" checked={failed ? v.notify === 'true' : true} />
        <button type="submit">Upload and invite</button>
      </form>
    </Section>
  );
};

/** The Responses screen below the picker: the recent responses, and the two ways to create them here. */
export const ResponsesBody = (p: { choice: Chosen; rows: ResponseRow[]; cohorts: Cohort[]; failed?: ResponsesFailed }) => (
  <>
    <Section id="recent" title={`Responses to ${p.choice.assessment.name}`}>
      <RecentResponses rows={p.rows} />
    </Section>
    <div class="cards-2">
      <CreateForm choice={p.choice} cohorts={p.cohorts} failed={p.failed} />
      <BulkForm choice={p.choice} cohorts={p.cohorts} failed={p.failed} />
    </div>
  </>
);
