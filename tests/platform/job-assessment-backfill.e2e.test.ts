import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { scratchDatabase, type TestDatabase } from '../support/db';

// Migration 023 gives each bulk invitation's job its assessment, so GET /v1/jobs/{id} shows it only
// to managers linked to that assessment. Jobs written before it get theirs from their responses.
describe('migration 023 gives existing bulk invitation jobs their assessment', () => {
  let db: TestDatabase | undefined;
  let sql: Sql;

  beforeAll(async () => {
    db = await scratchDatabase();
    sql = db.sql;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('takes a bulk job\'s assessment from its responses and leaves other jobs without one', async () => {
    const applied = await migrate(sql, { through: '022' });
    expect(applied.at(-1)! < '023').toBe(true);
    const [org, assessment, bulk, empty, imports, response] = Array.from({ length: 6 }, () => randomUUID());
    await sql`insert into organizations (id, name, path, response_allotment) values (${org!}, 'Acme', ${sql.array([org!])}::uuid[], 'can_be_purchased')`;
    await sql`insert into assessments (id, name) values (${assessment!}, 'Leadership')`;
    await sql`insert into jobs (id, kind, organization_id, total) values
      (${bulk!}, 'bulk_invite', ${org!}, 1), (${empty!}, 'bulk_invite', ${org!}, 0), (${imports!}, 'group_import', ${org!}, 1)`;
    await sql`insert into responses (id, assessment_id, organization_id, source, job_id, respondent_email, respondent_name, counted, status, expires_at) values
      (${response!}, ${assessment!}, ${org!}, 'bulk', ${bulk!}, 'r@backfill.test', 'R', false, 'invited', now() + interval '14 days')`;

    expect(await migrate(sql)).toContain('023_job_assessments.sql');
    const jobs = await sql<{ id: string; assessmentId: string | null }[]>`select id, assessment_id from jobs order by id`;
    expect(jobs).toHaveLength(3);
    expect(Object.fromEntries(jobs.map((j) => [j.id, j.assessmentId]))).toEqual({ [bulk!]: assessment, [empty!]: null, [imports!]: null });
  });
});
