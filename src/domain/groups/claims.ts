// An access claim's lifecycle as pure rules. A claim by network address is granted at once; one by
// e-mail domain is verifying until its one-time code proves the address (granted), or too many
// wrong codes lock it. Locked and granted are final.
import { ClaimRefusal } from './failures';
import { VERIFICATION_MAX_ATTEMPTS } from './verification';

export type ClaimStatus = 'verifying' | 'granted' | 'locked';
export type ClaimVia = 'ip' | 'email_domain';

/** Why a code cannot be checked at all any more; undefined while the claim is open. */
export function verificationRefusal(c: { status: ClaimStatus; codeExpiresAt: Date | null }, now: number): { code: ClaimRefusal; message: string } | undefined {
  if (c.status === 'locked') return claimLocked();
  if (c.status === 'verifying' && (c.codeExpiresAt === null || c.codeExpiresAt.getTime() <= now)) {
    return { code: ClaimRefusal.EXPIRED, message: 'The code has expired; claim access again to get a new one' };
  }
  return undefined;
}

export const claimLocked = () => ({ code: ClaimRefusal.LOCKED, message: 'Too many wrong codes; claim access again to get a new one' });

/** Wrong codes a claim still takes after `attempts` of them; the last allowed wrong one locks it. */
export const attemptsLeft = (attempts: number): number => VERIFICATION_MAX_ATTEMPTS - attempts;
