/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { importResults } from '../../../src/groups/imports';
import type { AppEnv } from '../../context';
import { Table } from '../components';
import { portalUser } from '../page';
import { groupJobPage, JobProgress, UUID } from './shared';

const STATUS: Record<string, string> = { pending: 'waiting', created: 'subscribed', existing: 'already in the group', failed: 'failed' };

/** An import's page: its progress (polled by htmx while it runs), then every row's outcome. */
export function registerImportScreens(r: Hono<AppEnv>) {
  r.get(`/groups/:id${UUID}/imports/:jobId${UUID}`, async (c) => {
    const groupId = c.req.param('id');
    const job = await importResults(c.var.deps, portalUser(c).principal, groupId, c.req.param('jobId'));
    const progress = (
      <JobProgress
        url={c.req.path}
        job={job}
        label="Users imported"
        done={
          <Table caption={`Users: ${job.created} subscribed, ${job.existing} already in the group, ${job.failed} failed`} head={['E-mail', 'Name', 'Outcome', 'Problem']}>
            {job.rows.map((row) => (
              <tr>
                <td>{row.email}</td>
                <td>{row.name}</td>
                <td>{STATUS[row.status] ?? row.status}</td>
                <td>{row.error ?? ''}</td>
              </tr>
            ))}
          </Table>
        }
      />
    );
    return groupJobPage(c, { title: 'Import of group users', groupId, progress });
  });
}
