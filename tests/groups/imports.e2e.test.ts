import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { groupUsers, groupWorkflowIds, groupWorld, waitFor } from './world';

const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@xyz.example`, name: `${prefix} ${i}` }));

describe('importing group users onto a free plan', () => {
  const { s, w } = suiteStack({}, groupWorld);

  const finished = (jobId: string) => waitFor(() => s.call('GET', `/v1/jobs/${jobId}`), (j) => j.body.status !== 'running', 60_000);

  it('imports a JSON list: one customer and subscription per user, as a job', async () => {
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: people(30, 'staff') } });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/v1/jobs/${res.body.id}`);
    expect(res.body).toMatchObject({ kind: 'group_import', status: 'running', total: 30 });
    const job = await finished(res.body.id);
    expect(job.body).toMatchObject({ status: 'completed', total: 30, processed: 30, failed: 0, errors: [] });
    const subs = await groupUsers(s, w.groupId);
    expect(subs).toHaveLength(30);
    expect(subs.map((x) => `${x.source} ${x.status}`)).toEqual(Array(30).fill('import active'));
    expect(new Set(subs.map((x) => x.customerId)).size).toBe(30);
    const listed = await s.call('GET', `/v1/subscriptions?groupId=${w.groupId}&planId=${w.usersPlan.id}&limit=200`);
    expect(listed.body.items).toHaveLength(30);
    expect(listed.body.items[0]).toMatchObject({ groupRole: 'user', stripeSubscriptionId: expect.stringMatching(/^sub_/) });
  });

  it('importing the same list again creates no duplicates', async () => {
    const customersBefore = (await s.sql`select count(*)::int as n from customers`)[0]!.n;
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: people(30, 'staff') } });
    const job = await finished(res.body.id);
    expect(job.body).toMatchObject({ status: 'completed', processed: 30, failed: 0 });
    const results = await s.call('GET', `/v1/groups/${w.groupId}/imports/${res.body.id}`);
    expect(results.body).toMatchObject({ created: 0, existing: 30 });
    expect(results.body.rows.map((r: { status: string }) => r.status)).toEqual(Array(30).fill('existing'));
    expect(await groupUsers(s, w.groupId)).toHaveLength(30);
    expect((await s.sql`select count(*)::int as n from customers`)[0]!.n).toBe(customersBefore);
  });

  it('imports a CSV, reporting bad rows by line and importing the rest', async () => {
    const csv = 'email,name\r\nnew1@xyz.example,New One\r\nnot-an-address,Broken\r\nstaff0@xyz.example,Already In\r\nnew2@xyz.example,\r\nNEW1@xyz.example,Twice\r\n"new3@xyz.example","Three, Esq."\r\n';
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ total: 6, failed: 3 });
    const job = await finished(res.body.id);
    expect(job.body).toMatchObject({ status: 'completed', total: 6, processed: 3, failed: 3 });
    expect(job.body.errors).toEqual([
      { line: 3, message: 'email: not an e-mail address' },
      { line: 5, message: 'name: required' },
      { line: 6, message: 'email: duplicate of line 2' },
    ]);
    const rows = (await s.call('GET', `/v1/groups/${w.groupId}/imports/${res.body.id}`)).body.rows;
    expect(rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([[2, 'created'], [3, 'failed'], [4, 'existing'], [5, 'failed'], [6, 'failed'], [7, 'created']]);
    expect((await groupUsers(s, w.groupId)).map((x) => x.email)).toEqual(expect.arrayContaining(['new1@xyz.example', 'new3@xyz.example']));
  });

  it('refuses a list it cannot read, naming the problem, and creates nothing', async () => {
    const jobs = (await s.sql`select count(*)::int as n from jobs`)[0]!.n;
    const header = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { raw: 'mail,fullname\na@xyz.example,A\n', headers: { 'content-type': 'text/csv' } });
    expect(header.status).toBe(400);
    expect(header.body.errors.map((e: { message: string }) => e.message)).toEqual(['missing column email', 'missing column name', 'unknown column mail', 'unknown column fullname']);
    const empty = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [] } });
    expect(empty.status).toBe(400);
    const typed = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email: 'a@xyz.example', name: 5 }] } });
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0].path).toBe('users.0.name');
    const xml = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { raw: '<users/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBeGreaterThanOrEqual(400);
    expect((await s.sql`select count(*)::int as n from jobs`)[0]!.n).toBe(jobs);
  });

  it('a paid users plan is for coupon campaigns, not imports', async () => {
    const paid = await groupWorld(s, { usersAmount: 1500 });
    const res = await s.call('POST', `/v1/groups/${paid.groupId}/imports`, { body: { users: people(2, 'paid') } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('ops find a group\'s import jobs by the group search attribute', async () => {
    const jobs = await s.sql<{ jobId: string }[]>`select job_id from group_imports where group_id = ${w.groupId}`;
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    const listed = await groupWorkflowIds(s, w.groupId, 'job', jobs.map((j) => `job-${j.jobId}`));
    expect(listed).toHaveLength(jobs.length);
  });
});
