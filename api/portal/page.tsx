/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from '../../src/domain/principal';
import { AppError } from '../../src/errors';
import type { AppEnv } from '../context';
import { Layout } from './layout';

/** The signed-in caller and their anti-forgery token; only pages behind requireSession call it. */
export function portalUser(c: Context<AppEnv>): { principal: Principal; csrf: string } {
  const principal = c.var.principal;
  const csrf = c.var.portal?.csrf;
  if (!principal || !csrf) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return { principal, csrf };
}

/** A whole signed-in page (a full load) or, for an htmx request, only the part it asked for. */
export function page(c: Context<AppEnv>, o: { title: string; current?: string; status?: ContentfulStatusCode; body: Child; fragment?: Child }) {
  if (o.fragment !== undefined && c.req.header('hx-request')) return c.html(<>{o.fragment}</>, o.status ?? 200);
  const { principal, csrf } = portalUser(c);
  return c.html(
    <Layout title={o.title} principal={principal} csrf={csrf} current={o.current}>
      {o.body}
    </Layout>,
    o.status ?? 200,
  );
}
