/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Principal, Role } from '../../src/domain/principal';

interface NavItem {
  href: string;
  label: string;
  roles: Role[];
}

/** The portal's sections, by who may open them (the services enforce the same rules again). */
export const NAV: NavItem[] = [
  { href: '/portal/allotments', label: 'Allotments', roles: ['manager', 'admin'] },
  { href: '/portal/responses', label: 'Responses', roles: ['manager', 'admin'] },
  { href: '/portal/sales', label: 'Sales management', roles: ['manager', 'admin'] },
  { href: '/portal/approvals', label: 'Approvals', roles: ['approver', 'admin'] },
  { href: '/portal/groups', label: 'Groups', roles: ['manager', 'admin'] },
  { href: '/portal/admin/settings', label: 'Site settings', roles: ['admin'] },
  { href: '/portal/admin/price-lists', label: 'Price lists', roles: ['admin'] },
  { href: '/portal/admin/aggregators', label: 'Aggregators', roles: ['admin'] },
];

export const navFor = (p: Principal) => NAV.filter((n) => n.roles.includes(p.role));

const Head = (props: { title: string; csrf?: string }) => (
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    {/* htmx adds no inline style or script of its own, and copies no style attribute onto swapped content: the page's CSP allows none. */}
    <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"attributesToSettle":["class","width","height"]}' />
    <title>{`${props.title} · partnerflow Partner Portal`}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/portal/assets/portal.css" />
    <script src="/portal/assets/htmx.min.js" defer></script>
    <script src="/portal/assets/portal.js" defer></script>
  </head>
);

/**
 * The document every page is: its head, the skip link, a header with what the caller puts in it,
 * and the main landmark holding the page's one h1. A signed-in page's body carries the
 * anti-forgery token for htmx requests (`hx-headers`).
 */
const Document = (props: { title: string; header: Child; csrf?: string; narrow?: boolean; children?: Child }) => (
  <>
  {raw('<!doctype html>')}
  <html lang="en">
    <Head title={props.title} />
    <body hx-headers={props.csrf === undefined ? undefined : JSON.stringify({ 'x-csrf-token': props.csrf })}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">{props.header}</header>
      <main id="main" class={props.narrow ? 'narrow' : undefined}>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </body>
  </html>
  </>
);

/** A page before sign-in: no navigation. */
export const PublicLayout = (props: { title: string; children?: Child }) => (
  <Document title={props.title} narrow header={<span class="brand">partnerflow Partner Portal</span>}>
    {props.children}
  </Document>
);

/** Every signed-in page: the sections the user's role may open, who is signed in, sign-out. */
export const Layout = (props: { title: string; principal: Principal; csrf: string; current?: string; children?: Child }) => (
  <Document
    title={props.title}
    csrf={props.csrf}
    header={
      <>
        <a class="brand" href="/portal">partnerflow Partner Portal</a>
        <nav aria-label="Sections">
          <ul>
            {navFor(props.principal).map((n) => (
              <li>
                <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="post" action="/portal/sign-out" class="who">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <span>
            {props.principal.name} <span class="role">({props.principal.role})</span>
          </span>
          <button type="submit" class="link">Sign out</button>
        </form>
      </>
    }
  >
    {props.children}
  </Document>
);
