/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Job } from '../../../src/platform/jobs';
import type { AppEnv } from '../../context';
import { Progress } from '../components';
import { formFields, formFile, type FormProblem } from '../forms';
import { page } from '../page';

/** A path segment that is a UUID: anything else is no page of this room (404), never a database error. */
export const UUID = '{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}';

/** An instant as the portal shows dates: YYYY-MM-DD (UTC). */
export const isoDate = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : '');

/**
 * A list of people as the API takes it (text/csv with header `email,name`), from an uploaded
 * file or the text area. Typed text may leave the header out: a first line with an address is
 * taken as a person, and the header is put in front of it.
 */
export async function uploadedList(c: Context<AppEnv>): Promise<{ csv: string }> {
  const file = await formFile(c, 'file');
  const text = file && file.size > 0 ? await file.text() : ((await formFields(c)).list ?? '');
  const trimmed = text.replace(/^\s+/, '');
  const first = trimmed.split(/\r?\n/, 1)[0] ?? '';
  return { csv: first.includes('@') ? `email,name\n${trimmed}` : trimmed };
}

/**
 * The two ways to give a list of people: type them, or upload the CSV file. A refused list's
 * problems by line (the API's `errors[].path` "line N") are listed under it.
 */
export const PeopleList = (p: { label: string; value?: string; problem?: FormProblem }) => {
  const lines = Object.entries(p.problem?.fields ?? {}).filter(([k]) => k.startsWith('line '));
  return (
    <>
      <div class={lines.length ? 'field invalid' : 'field'}>
        <label for="f-list">{p.label}</label>
        <small id="f-list-hint" class="hint">
          One person per line: e-mail address, name (a first line <code>email,name</code> is optional).
        </small>
        <textarea id="f-list" name="list" rows={5} aria-describedby={lines.length ? 'f-list-hint f-list-error' : 'f-list-hint'}>
          {p.value ?? ''}
        </textarea>
        {lines.length > 0 && (
          <ul id="f-list-error" class="error">
            {lines.map(([where, message]) => (
              <li>
                {where}: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="field">
        <label for="f-file">Or upload a CSV file</label>
        <small id="f-file-hint" class="hint">
          Header <code>email,name</code>, then one person per line.
        </small>
        <input id="f-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="f-file-hint" />
      </div>
    </>
  );
};

/**
 * A job's progress that asks again every second while the job runs (htmx swaps this element for
 * the fresh one) and stops once it has finished, showing `done` (the per-row results) then.
 */
export const JobProgress = (p: { url: string; job: Job; label: string; done: Child }) => {
  const handled = p.job.processed + p.job.failed;
  if (p.job.status === 'running') {
    return (
      <div id="job-progress" hx-get={p.url} hx-trigger="load delay:1s" hx-swap="outerHTML">
        <Progress label={p.label} done={handled} total={p.job.total} />
        <p>Working on it… this page updates by itself.</p>
      </div>
    );
  }
  return (
    <div id="job-progress">
      <Progress label={p.label} done={handled} total={p.job.total} />
      <p role="status">
        Finished {isoDate(p.job.finishedAt)}: {p.job.processed} done, {p.job.failed} failed.
      </p>
      {p.done}
    </div>
  );
};

/** A group's job page (code sends, imports): its live progress, or only the progress for htmx's polling. */
export function groupJobPage(c: Context<AppEnv>, o: { title: string; groupId: string; progress: Child }) {
  return page(c, {
    title: o.title,
    current: '/portal/groups',
    fragment: o.progress,
    body: (
      <>
        <p>
          <a href={`/portal/groups/${o.groupId}`}>Back to the group</a>
        </p>
        {o.progress}
      </>
    ),
  });
}
