// Secrets the platform must read back (a webhook endpoint's signing secret) are sealed with
// SECRETS_KEY: AES-256-GCM, a fresh IV each time, bound to what they belong to (`context`), so a
// sealed value copied to another row does not open. Pure computation.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** SECRETS_KEY as a key: 32 bytes in base64; undefined when it is not. */
export function parseSecretsKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, /[-_]/.test(trimmed) ? 'base64url' : 'base64');
  return key.length === 32 ? key : undefined;
}

/** A new key for SECRETS_KEY (base64). */
export const generateSecretsKey = () => randomBytes(32).toString('base64');

function keyOf(secretsKey: string): Buffer {
  const key = parseSecretsKey(secretsKey);
  if (!key) throw new Error('SECRETS_KEY is not 32 bytes in base64');
  return key;
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url). */
export function seal(secretsKey: string, context: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretsKey), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plaintext of a sealed value; throws when the key or the context is not the one it was sealed with. */
export function open(secretsKey: string, context: string, sealed: string): string {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== VERSION || !iv || ciphertext === undefined || !tag) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretsKey), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
