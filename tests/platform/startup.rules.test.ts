import { describe, expect, it } from 'vitest';
import { startFailureMessage } from '../../src/composition/entry';
import { ConfigError } from '../../src/config';
import { StartupError } from '../../src/startup-error';

describe('what a failed start prints', () => {
  it('says what failed and what to do', () => {
    const message = startFailureMessage('npm start', new StartupError('Embedded PostgreSQL could not start on port 54329', 'another program is already listening on that port', 'set EMBEDDED_POSTGRES_PORT to a free port'));
    expect(message).toBe(
      'npm start could not start.\nEmbedded PostgreSQL could not start on port 54329: another program is already listening on that port\n  What to do: set EMBEDDED_POSTGRES_PORT to a free port',
    );
    expect(startFailureMessage('npm run api', new ConfigError(['DATABASE_URL: required']))).toContain('DATABASE_URL: required');
  });

  it('never prints a bare undefined, whatever was thrown', () => {
    for (const thrown of [undefined, null, '', {}, new Error(''), 42]) {
      const message = startFailureMessage('npm start', thrown);
      expect(message).not.toMatch(/\bundefined\b|\bnull\b/);
      expect(message).toContain('npm start could not start');
      expect(message).toContain('What to do');
    }
  });
});
