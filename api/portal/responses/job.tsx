/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { z } from 'zod';
import { getJob, type Job } from '../../../src/platform/jobs';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { validationError } from '../../problem';
import { Notice, Progress, Table } from '../components';
import { page } from '../page';
import { ROOT } from './choice';

/** A job is over once every row is processed, or it ended another way (failed). */
const isDone = (job: Job) => job.status !== 'running' || job.processed >= job.total;

/**
 * The job's progress. While it runs, the fragment asks for itself again a second after it
 * arrives (htmx, `load delay:1s`) and replaces itself; once done it renders without a trigger,
 * so the polling stops, and says what came of the rows.
 */
const JobProgress = (p: { job: Job; url: string }) => {
  const { job } = p;
  const done = isDone(job);
  const invited = job.processed - job.failed;
  return (
    <div id="job-progress" hx-get={done ? undefined : p.url} hx-trigger={done ? undefined : 'load delay:1s'} hx-swap={done ? undefined : 'outerHTML'}>
      <Progress label="Invitations started" done={job.processed} total={job.total} />
      {!done && <p>Starting the invitations… this page updates itself.</p>}
      {done && (
        <Notice>
          {job.status === 'failed'
            ? `The upload stopped: ${invited} of ${job.total} invitations were started, ${job.failed} failed.`
            : `Done: ${invited} of ${job.total} invitations started${job.failed ? `, ${job.failed} failed` : ''}.`}
        </Notice>
      )}
      {done && job.errors.length > 0 && (
        <Table caption="Rows that failed" head={['Line', 'Problem']}>
          {job.errors.map((e) => (
            <tr>
              <td class="num">{e.line}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
};

const Query = z.object({ assessmentId: z.uuid().optional(), organizationId: z.uuid().optional() });

/** The bulk invite's job: a progress bar that follows it to the end, then the summary. */
export function registerJobScreen(r: Hono<AppEnv>) {
  r.get('/responses/jobs/:id', async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const id = z.uuid().safeParse(c.req.param('id'));
    const query = Query.safeParse(c.req.query());
    if (!id.success) throw validationError(id.error, 'path');
    if (!query.success) throw validationError(query.error, 'query');
    const job = await getJob(c.var.deps, principal, id.data);
    const back = new URLSearchParams(Object.entries(query.data).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    const url = `${ROOT}/jobs/${job.id}${back ? `?${back}` : ''}`;
    const fragment = <JobProgress job={job} url={url} />;
    return page(c, {
      title: 'CSV upload',
      current: ROOT,
      fragment,
      body: (
        <>
          <dl class="facts">
            <dt>Job</dt>
            <dd>{job.id}</dd>
            <dt>Rows</dt>
            <dd>{job.total}</dd>
            <dt>Uploaded</dt>
            <dd>{job.createdAt.toISOString()}</dd>
          </dl>
          {fragment}
          <p>
            <a href={`${ROOT}${back ? `?${back}` : ''}`}>Back to the responses</a>
          </p>
        </>
      ),
    });
  });
}
