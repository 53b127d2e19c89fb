import { describe, expect, it } from 'vitest';
import { ledger, partnerSuite, waitFor } from './world';

const csvOf = (n: number, prefix: string) => 'email,name\n' + Array.from({ length: n }, (_, i) => `${prefix}${i}@example.test,${prefix} ${i}`).join('\n') + '\n';

describe('bulk CSV invites', () => {
  const { s, w } = partnerSuite({ grant: 2000 });

  const upload = (csv: string, headers: Record<string, string> = {}) =>
    s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csv, headers: { 'content-type': 'text/csv', ...headers } });
  const count = async () => (await s.sql`select count(*)::int as n from responses where organization_id = ${w.organizationId}`)[0]!.n;

  it('validates the whole file first and reports bad rows by line number; nothing is created', async () => {
    const res = await upload('email,name\ngood@example.test,Good\nbroken,Bad\n,Nobody\ngood@example.test,Again\n');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([[3, 'email'], [4, 'email'], [5, 'email']]);
    expect(await count()).toBe(0);
    expect((await ledger(s, w.organizationId, w.assessmentId)).invited).toBe(0);
  });

  it('wants text/csv', async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, body: { email: 'x' } });
    expect(res.status).toBe(415);
  });

  it('creates 1 200 invitations in batches, with progress to completion and a running workflow each', { timeout: 180_000 }, async () => {
    const res = await upload(csvOf(1200, 'big'), { 'idempotency-key': 'bulk-1200' });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/v1/jobs/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'running', total: 1200, failed: 0, errors: [] });
    expect((await ledger(s, w.organizationId, w.assessmentId)).unexpired).toBe(1200);
    // Every value the job reported on the way, in order of first sight (polled as a client would).
    const seen: { processed: number; status: string }[] = [];
    const job = await waitFor(
      async () => {
        const j = await s.call('GET', `/v1/jobs/${res.body.id}`, { token: w.manager.token });
        const last = seen.at(-1);
        if (!last || last.processed !== j.body.processed || last.status !== j.body.status) seen.push({ processed: j.body.processed, status: j.body.status });
        return j;
      },
      (j) => j.body.status === 'completed',
      // Generous: on the shared 2-core machine 1 200 starts took more than a minute.
      { timeoutMs: 150_000, everyMs: 20, what: 'the bulk job to complete' },
    );
    expect(job.body).toMatchObject({ status: 'completed', total: 1200, processed: 1200, failed: 0 });
    // Progress moved in checkpoints of 500 rows, and at least one was seen while the job was still
    // running, strictly between nothing and everything.
    const running = seen.filter((v) => v.status === 'running').map((v) => v.processed);
    expect(running.length).toBeGreaterThan(0);
    expect(running.filter((p) => p > 0 && p < 1200).length).toBeGreaterThan(0);
    expect(running.every((p) => [0, 500, 1000, 1200].includes(p))).toBe(true);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    const sample = await s.sql<{ id: string }[]>`select id from responses where job_id = ${res.body.id} order by random() limit 20`;
    expect(sample).toHaveLength(20);
    for (const r of sample) expect((await s.client.workflow.getHandle(`response-${r.id}`).describe()).status.name).toBe('RUNNING');
  });

  it('re-sending the same file with the same Idempotency-Key creates nothing twice', async () => {
    const before = await count();
    const again = await upload(csvOf(1200, 'big'), { 'idempotency-key': 'bulk-1200' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await count()).toBe(before);
    expect((await ledger(s, w.organizationId, w.assessmentId)).invited).toBe(1200);
  });
});

describe('a bulk job whose worker stops half-way', () => {
  const { s, w } = partnerSuite({ grant: 1500 });

  it('resumes on a new worker and ends with every invitation started exactly once', { timeout: 300_000 }, async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csvOf(1500, 'resume'), headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    const midway = await waitFor(() => s.call('GET', `/v1/jobs/${res.body.id}`), (j) => j.body.processed >= 500, 120_000);
    expect(midway.body.processed).toBeLessThan(1500);
    await s.stopWorker();
    const stopped = (await s.call('GET', `/v1/jobs/${res.body.id}`)).body;
    expect(stopped.status).toBe('running');
    await s.startWorker();
    const job = await waitFor(() => s.call('GET', `/v1/jobs/${res.body.id}`), (j) => j.body.status === 'completed', 240_000);
    expect(job.body).toMatchObject({ status: 'completed', total: 1500, processed: 1500, failed: 0 });
    const running = await waitFor(
      () => s.client.workflow.count(`PartnerflowKind = "response" AND PartnerflowOrganizationId = "${w.organizationId}" AND ExecutionStatus = "Running"`),
      (c) => c.count === 1500,
    );
    expect(running.count).toBe(1500);
    expect((await ledger(s, w.organizationId, w.assessmentId))).toMatchObject({ invited: 1500, unexpired: 1500, available: 0 });
  });
});
