import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config';
import { generateSecretsKey, parseSecretsKey } from '../domain/secret-box';

/** Where npm start keeps the key it generated when SECRETS_KEY is unset. */
export const SECRETS_KEY_FILE = 'secrets.key';

/**
 * SECRETS_KEY, or (outside production, where the config requires it) the key kept in
 * DATA_DIR/secrets.key, generated on first use. Every process on the same DATA_DIR reads the same
 * key; losing the file makes the sealed webhook secrets unreadable (rotate them).
 */
export function resolveSecretsKey(config: Pick<Config, 'SECRETS_KEY' | 'DATA_DIR'>): string {
  if (config.SECRETS_KEY) return config.SECRETS_KEY;
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, SECRETS_KEY_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    if (!parseSecretsKey(text)) throw new Error(`${file} does not hold a SECRETS_KEY (32 bytes in base64)`);
    return text;
  }
  mkdirSync(dir, { recursive: true });
  const key = generateSecretsKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
