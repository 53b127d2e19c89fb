import { describe, expect, it } from 'vitest';
import { checkedInClientSchema, generateClientSchema, openApiDocument } from '../../scripts/client';

// The typed client (partnerflow/client) is compiled against by the end-to-end tests: its types
// must be the ones the routes produce today, or `npm run typecheck` checks an old contract.
describe('the typed client', () => {
  it('is generated from the current routes (run `npm run client:generate` after changing one)', { timeout: 120_000 }, async () => {
    const fresh = await generateClientSchema();
    const checkedIn = await checkedInClientSchema();
    // Compared as a whole; the message says what to do rather than printing 8 000 lines of diff.
    expect(checkedIn === fresh, 'client/schema.d.ts is stale: run `npm run client:generate` and commit it').toBe(true);
  });

  it('types every path of the OpenAPI document', { timeout: 120_000 }, async () => {
    const paths = Object.keys((await openApiDocument()).paths as Record<string, unknown>);
    const schema = await checkedInClientSchema();
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !schema.includes(`    "${p}": {`))).toEqual([]);
  });
});
