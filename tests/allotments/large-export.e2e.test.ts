import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { partnerSuite } from './world';

// An export is streamed: the API reads the rows a batch at a time as the client takes the file,
// so 100,000 rows take about the memory of one batch, not of the file. The test process holds the
// whole stack (API, database client), so its heap is the API's heap.

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap in use once everything unreachable is collected: what the process really holds. */
function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

const ROWS = 100_000;

describe('a large export streams in constant memory', () => {
  const { s, w } = partnerSuite();

  it(`exports ${ROWS.toLocaleString('en')} responses as CSV while the live heap stays far below the file's size`, async () => {
    // 100,000 responses written straight into the table: seeding them one request at a time would
    // take the whole test budget, and the export reads the table, not the way rows came in.
    await s.sql`
      insert into responses (assessment_id, organization_id, source, counted, respondent_email, respondent_name, expires_at)
      select ${w.assessmentId}, ${w.organizationId}, 'manual', false, 'respondent-' || i || '@example.test',
             'Respondent number ' || i || ' with a name long enough to make each record a realistic size', now() + interval '14 days'
      from generate_series(1, ${ROWS}) i`;

    const baseline = liveHeap();
    const res = await fetch(`${s.baseUrl}/v1/responses?assessmentId=${w.assessmentId}`, { headers: { authorization: `Bearer ${w.manager.token}`, accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);

    // Read the file as a client would, keeping only counts; sample the live heap as it flows.
    const reader = res.body!.getReader();
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let peak = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      if (++chunks % 40 === 0) peak = Math.max(peak, liveHeap() - baseline);
    }
    expect(lines).toBe(ROWS + 1);
    expect(chunks).toBeGreaterThan(40);
    // Holding the file (or its rows) at any moment would take at least its size; the stream
    // holds about one batch of 1,000 rows.
    expect(bytes).toBeGreaterThan(15_000_000);
    expect(peak).toBeLessThan(bytes / 4);
    console.log(`large export: ${bytes} bytes in ${chunks} chunks, live heap grew at most ${peak} bytes`);
  }, 300_000);
});
