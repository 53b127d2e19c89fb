// `npm run client:generate`: writes client/schema.d.ts, the types of the typed client
// (`partnerflow/client`), from the API's OpenAPI document. `npm run client:check` (and
// tests/platform/client-schema.rules.test.ts) fails when the checked-in file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/context';
import { createLogger } from '../src/logger';
import { projectRoot } from '../src/tools/paths';

export const SCHEMA_FILE = join(projectRoot, 'client', 'schema.d.ts');

const HEADER = `// Generated from the API's OpenAPI document by \`npm run client:generate\`: do not edit.
// Regenerate after changing a route; \`npm run client:check\` fails while this file is stale.
`;

/**
 * The OpenAPI document exactly as GET /openapi.json serves it, built in memory: no server, no
 * database. The document comes from the route definitions alone, so the app needs no real
 * dependencies to produce it (nothing else is called).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const deps = { config: { TRUSTED_PROXIES: [], MAX_BODY_BYTES: 1_048_576 }, logger: createLogger('silent') } as unknown as AppDeps;
  const res = await createApp(deps).request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The text client/schema.d.ts must have for the current routes. */
export async function generateClientSchema(): Promise<string> {
  // A field with a default is optional to send (the document does not list it as required);
  // openapi-typescript's default would make it required in the types.
  const ast = await openapiTS((await openApiDocument()) as never, { defaultNonNullable: false });
  return HEADER + astToString(ast);
}

export const checkedInClientSchema = () => readFile(SCHEMA_FILE, 'utf8').catch(() => '');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const text = await generateClientSchema();
  if (check) {
    if ((await checkedInClientSchema()) !== text) {
      console.error('client/schema.d.ts is stale: the routes changed since it was generated. Run `npm run client:generate` and commit the result.');
      process.exit(1);
    }
    console.log('client/schema.d.ts matches the routes');
  } else {
    await writeFile(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
