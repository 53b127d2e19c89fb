import { createHash } from 'node:crypto';

// The one pagination cursor of the API. A list answers `nextCursor`, an opaque string that names
// the last row of the page; the next request passes it back and the list reads the rows after
// that key. A cursor is the list's kind and key, base64url-encoded, and a check value over both:
// anything the API did not issue (a typo, a truncated or edited cursor, one of another kind of
// list, a key that is not of the list's type) is refused with 400 before any query runs.
//
// The check value is not a secret and proves nothing about who made a cursor: a client that builds
// one by hand only chooses where its page starts, inside the scope its token has anyway.

export interface CursorCodec {
  /** The kind of list: a cursor of one kind is refused by a list of another. */
  readonly list: string;
  /** The opaque cursor for the key of a page's last row. */
  encode(key: string): string;
  /** The key inside a cursor this codec issued, or undefined for anything else. */
  decode(cursor: string): string | undefined;
}

/** Longer than any cursor the API issues; longer input is refused without decoding it. */
export const MAX_CURSOR_LENGTH = 256;

const check = (payload: string) => createHash('sha256').update(`partnerflow-cursor\n${payload}`).digest('base64url').slice(0, 12);
const SHAPE = /^([A-Za-z0-9_-]{4,230})\.([A-Za-z0-9_-]{12})$/;

/** A cursor codec for one kind of list whose keys match `key`. */
export function defineCursor(list: string, key: RegExp): CursorCodec {
  return {
    list,
    encode(k) {
      if (!key.test(k)) throw new Error(`not a ${list} cursor key: ${k}`);
      const payload = `${list}|${k}`;
      return `${Buffer.from(payload, 'utf8').toString('base64url')}.${check(payload)}`;
    },
    decode(cursor) {
      if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
      const match = SHAPE.exec(cursor);
      if (!match) return undefined;
      const payload = Buffer.from(match[1]!, 'base64url').toString('utf8');
      if (check(payload) !== match[2]) return undefined;
      const bar = payload.indexOf('|');
      if (bar < 0 || payload.slice(0, bar) !== list) return undefined;
      const k = payload.slice(bar + 1);
      return key.test(k) ? k : undefined;
    },
  };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Lists ordered by their uuid `id` (most lists). */
export const ID_CURSOR = defineCursor('id', new RegExp(`^${UUID}$`));
/** The audit trail, ordered by its bigint event id. */
export const AUDIT_CURSOR = defineCursor('audit', /^[1-9]\d{0,15}$/);
/** Allotments, ordered by `<organizationId>:<assessmentId>`. */
export const ALLOTMENT_CURSOR = defineCursor('allotment', new RegExp(`^${UUID}:${UUID}$`));
/** A profile's contracts, newest first: `<started_at in µs>_<id>` (src/domain/aggregators/catalog.ts). */
export const CONTRACT_CURSOR = defineCursor('contract', new RegExp(`^\\d{1,17}_${UUID}$`));
/** An allotment's ledger entries, oldest first, by their bigint entry id. */
export const ENTRY_CURSOR = defineCursor('entry', /^[1-9]\d{0,15}$/);
/** A campaign's codes, in the order they were made: their number `n` within the campaign. */
export const CODE_CURSOR = defineCursor('code', /^[1-9]\d{0,9}$/);
/** Events, newest first: `<created_at in µs>_<id>`. */
export const EVENT_CURSOR = defineCursor('event', new RegExp(`^\\d{1,17}_${UUID}$`));
/** A webhook endpoint's delivery attempts, newest first, by their bigint id. */
export const ATTEMPT_CURSOR = defineCursor('attempt', /^[1-9]\d{0,15}$/);
