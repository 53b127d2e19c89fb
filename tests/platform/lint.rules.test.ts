import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/paths';

const eslint = new ESLint({ cwd: projectRoot });

/** Lints `code` as if it were the file at `path` (which must exist, so the type-aware rules have a program). */
async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}${path}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the lint configuration guards the layers', () => {
  it('refuses a Node builtin in workflow code', async () => {
    const messages = await lint('workflows/allotments/response.ts', "import fs from 'node:fs';\nexport const x = fs;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('partnerflow/layers');
    expect(messages[0]).toContain('node:fs');
  });

  it('refuses an I/O module in workflow code, and a domain module that is not sandbox-safe', async () => {
    const repo = await lint('workflows/allotments/response.ts', "import { recordAudit } from '../../src/repos/audit';\nexport const x = recordAudit;\n");
    expect(repo).toHaveLength(1);
    expect(repo[0]).toContain('workflow code may not import repo code');
    const impure = await lint('workflows/allotments/response.ts', "import { generateToken } from '../../src/domain/tokens';\nexport const x = generateToken;\n");
    expect(impure).toHaveLength(1);
    expect(impure[0]).toContain('node:crypto');
  });

  it('accepts what workflow code may import: the SDK, pure domain rules, types of anything', async () => {
    const messages = await lint(
      'workflows/allotments/response.ts',
      "import { condition } from '@temporalio/workflow';\nimport { unitOf } from '../../src/domain/allotments/ledger';\nimport type { Sql } from '../../src/db/connect';\nexport const x: [typeof condition, typeof unitOf, Sql | null] = [condition, unitOf, null];\n",
    );
    expect(messages).toEqual([]);
  });

  it('refuses repositories, SQL and transactions in the HTTP layer', async () => {
    const messages = await lint(
      'api/routes/platform/audit.ts',
      "import { recordAudit } from '../../../src/repos/audit';\nimport type { Sql } from '../../../src/db/connect';\nexport const f = (sql: Sql) => sql.begin(async (tx) => { await tx`select 1`; await recordAudit(tx, { actor: 'x', entity: 'y', entityId: 'z', action: 'a' }); });\n",
    );
    expect(messages.filter((m) => m.includes('api code may not import repo code'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('No transaction in the HTTP layer'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('No SQL in the HTTP layer'))).toHaveLength(1);
  });

  it('refuses a floating promise', async () => {
    const messages = await lint('activities/platform/mail.ts', 'export function f() { Promise.resolve(1); }\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('@typescript-eslint/no-floating-promises');
  });
});
