/**
 * The one error type the product raises on purpose. Its `code` is the stable, machine-readable
 * contract; the HTTP status comes from this table so every layer agrees.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_SIGNATURE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PACKAGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALLOTMENTS_DISABLED: 409,
  STRIPE_NOT_CONNECTED: 409,
  NO_VALID_PRICE: 409,
  ALLOTMENT_EXHAUSTED: 409,
  ALLOTMENT_NOT_PURCHASABLE: 409,
  RESPONSE_EXPIRED: 409,
  RESPONSE_COMPLETED: 409,
  INVALID_STATE: 409,
  SEATS_EXHAUSTED: 409,
  SEAT_NOT_HELD: 409,
  SEAT_ALREADY_HELD: 409,
  CODE_EXHAUSTED: 409,
  CODE_EXPIRED: 409,
  CODE_DEACTIVATED: 409,
  LINK_REVOKED: 410,
  INVITATION_COMPLETED: 410,
  INVITATION_EXPIRED: 410,
  ALREADY_REDEEMED: 409,
  ALREADY_SUBSCRIBED: 409,
  VERIFICATION_FAILED: 422,
  MEMBER_LIMIT_REACHED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_SECRET_WITHHELD: 409,
  IMMUTABLE_FIELD: 422,
  TARIFF_NOT_FREE: 422,
  UNPROCESSABLE: 422,
  LTI_SERVICE_REQUIRED: 422,
  URL_NOT_ALLOWED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const titles: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_JSON: 'The body is not valid JSON',
  UNAUTHENTICATED: 'A valid bearer token is required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  INTERNAL: 'Internal error',
};

/**
 * Members every problem document has (RFC 9457's `type`, `title`, `status`, `detail`, `instance`,
 * and partnerflow's `code` and `requestId`): an extra member never takes one of these names, so
 * `status` is always the HTTP status. Domain state goes under its own name (`integrationStatus`).
 */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId'] as const;

/** Extra members of a problem document: any name but the reserved ones (refused by the compiler). */
export type ProblemExtra = Record<string, unknown> & { [K in (typeof PROBLEM_MEMBERS)[number]]?: never };

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    detail: string,
    /** Extra members of the problem document (e.g. `available`, `errors`); never a reserved name (PROBLEM_MEMBERS). */
    readonly extra: ProblemExtra = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = errorStatus[code];
    this.title = titles[code] ?? code.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail = 'You may not do this') => new AppError('FORBIDDEN', detail);
