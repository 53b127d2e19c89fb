import type { Sql } from '../db/connect';
import { generateToken } from '../domain/tokens';
import { recordAudit } from '../repos/audit';
import { insertToken, insertUser } from '../repos/users';

/**
 * On a database with no users, creates the first admin and its token (ADMIN_TOKEN or random).
 * Returns the secret only when it was created now, so it is shown exactly once.
 */
export async function bootstrapAdmin(sql: Sql, adminToken?: string): Promise<string | undefined> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7140222)`;
    const [any] = await tx`select 1 from users limit 1`;
    if (any) return undefined;
    const user = await insertUser(tx, { email: 'admin@partnerflow.localhost', name: 'Administrator', role: 'admin' });
    const secret = adminToken ?? generateToken();
    const token = await insertToken(tx, user.id, secret, 'bootstrap');
    await recordAudit(tx, { actor: 'system', entity: 'user', entityId: user.id, action: 'bootstrap', after: { role: 'admin', tokenId: token.id } });
    return secret;
  });
}
