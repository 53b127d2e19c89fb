import { describe, expect, it } from 'vitest';
import { problemBody } from '../../api/problem';
import { AppError, PROBLEM_MEMBERS, type ProblemExtra } from '../../src/errors';

describe('problem+json members keep their RFC 9457 meaning', () => {
  it('a domain state under its own name sits beside a numeric status', () => {
    const body = problemBody(new AppError('INVALID_STATE', 'The integration is deactivated', { integrationStatus: 'inactive' }), '/v1/aggregators/x/tariff', 'req-1');
    expect(body).toMatchObject({ status: 409, code: 'INVALID_STATE', integrationStatus: 'inactive', instance: '/v1/aggregators/x/tariff', requestId: 'req-1' });
  });

  it('an extra under a reserved name (past the compiler) never replaces a member: it is kept as extension<Name>', () => {
    const hostile = Object.fromEntries(PROBLEM_MEMBERS.map((m) => [m, `domain ${m}`])) as unknown as ProblemExtra;
    const body = problemBody(new AppError('CONFLICT', 'Already there', hostile), '/v1/things', 'req-2') as Record<string, unknown>;
    expect(body.status).toBe(409);
    expect(body.type).toBe('https://partnerflow.dev/problems/conflict');
    expect(body.title).toBe('Conflict');
    expect(body.detail).toBe('Already there');
    expect(body.instance).toBe('/v1/things');
    expect(body.code).toBe('CONFLICT');
    expect(body.requestId).toBe('req-2');
    expect(body.extensionStatus).toBe('domain status');
    expect(body.extensionType).toBe('domain type');
    expect(body.extensionCode).toBe('domain code');
  });

  it('the compiler refuses a reserved name', () => {
    // @ts-expect-error `status` is RFC 9457's numeric status, never a domain state
    const refused: ProblemExtra = { status: 'inactive' };
    expect(refused).toBeDefined();
  });
});
