/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Principal } from '../../../src/domain/principal';
import { todayUtc } from '../../../src/domain/sales/dates';
import { getOrganization, listOrganizations, type Organization } from '../../../src/platform/organizations';
import { listDistributions, type Distribution } from '../../../src/sales/distributions';
import { quoteSaleLines, registerSale } from '../../../src/sales/registration';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { attempt, formFields, type FormProblem } from '../forms';
import { page, portalUser } from '../page';
import {
  AccountPart,
  CreateSale,
  customerOf,
  DistributionPart,
  draftOf,
  foldProblem,
  isStep,
  lineOf,
  NEW_ORGANIZATION,
  parseAsApi,
  saleBodyOf,
  STEPS,
  stepOf,
  type Draft,
  type Step,
} from './draft';
import { AccountStep } from './step-account';
import { DistributionStep, PriceBox, type PriceView } from './step-distribution';
import { CancellationBox, SetupStep } from './step-setup';

type Deps = AppEnv['Variables']['deps'];
const isId = (v: string | undefined): v is string => z.uuid().safeParse(v).success;

/** The catalog (the first 100 distributions) and the draft's line with its defaults filled in. */
async function catalogFor(deps: Deps, draft: Draft): Promise<{ distributions: Distribution[]; chosen?: Distribution }> {
  const distributions = await listDistributions(deps, { limit: 100 });
  const chosen = distributions.find((d) => d.id === draft['distributions.0.distributionId']) ?? distributions[0];
  if (chosen) {
    draft['distributions.0.distributionId'] ||= chosen.id;
    draft['distributions.0.currency'] ||= Object.keys(chosen.unitPrices).sort()[0] ?? '';
  }
  draft['distributions.0.salesType'] ||= 'per_user';
  return { distributions, chosen };
}

/** The line priced exactly as the registration will price it, once there is a number of users. */
async function priceView(deps: Deps, draft: Draft, chosen?: Distribution): Promise<PriceView> {
  const line = lineOf(draft);
  if (line.numberOfUsers === undefined || !line.distributionId) return { keyLengthDays: chosen?.keyLengthDays };
  const quoted = await attempt(async () => quoteSaleLines(deps, parseAsApi(DistributionPart, { distributions: [line] }).distributions));
  return quoted.ok ? { quote: quoted.value[0] } : { keyLengthDays: chosen?.keyLengthDays, problem: quoted.problem };
}

/** The organizations step 1 offers: the search's matches, and the one already chosen. */
async function organizationsFor(deps: Deps, p: Principal, draft: Draft): Promise<Organization[]> {
  const q = draft.q?.trim().slice(0, 200);
  const found = q ? await listOrganizations(deps, p, { q, limit: 20 }) : [];
  const chosen = draft['customer.organizationId'];
  if (isId(chosen) && !found.some((o) => o.id === chosen)) {
    const org = await attempt(() => getOrganization(deps, p, chosen));
    if (org.ok) found.unshift(org.value);
  }
  return found;
}

async function customerName(deps: Deps, p: Principal, draft: Draft): Promise<string> {
  const chosen = draft['customer.organizationId'];
  if (chosen === NEW_ORGANIZATION) return `${draft['customer.newOrganization.name'] ?? ''} (new organization)`;
  if (!isId(chosen)) return '—';
  const org = await attempt(() => getOrganization(deps, p, chosen));
  return org.ok ? org.value.name : '—';
}

async function renderStep(c: Context<AppEnv>, step: Step, draft: Draft, problem?: FormProblem) {
  const { principal, csrf } = portalUser(c);
  const deps = c.var.deps;
  const shown = foldProblem(problem);
  let body;
  if (step === 'account') {
    const organizations = await organizationsFor(deps, principal, draft);
    body = <AccountStep principal={principal} csrf={csrf} draft={draft} organizations={organizations} searched={!!draft.q?.trim()} problem={shown} />;
  } else if (step === 'distribution') {
    const { distributions, chosen } = await catalogFor(deps, draft);
    body = <DistributionStep csrf={csrf} draft={draft} distributions={distributions} price={await priceView(deps, draft, chosen)} problem={shown} />;
  } else {
    draft.activationDate ||= todayUtc(new Date());
    const [name, price] = await Promise.all([customerName(deps, principal, draft), priceView(deps, draft)]);
    body = <SetupStep csrf={csrf} draft={draft} customerName={name} quote={price.quote} problem={shown} />;
  }
  return page(c, { title: 'Register new sale', current: '/portal/sales', body, status: (problem?.status ?? 200) as ContentfulStatusCode });
}

/** Checks the step's part of the sale by the API's rules; on the last step, registers the sale (its id). */
async function submit(c: Context<AppEnv>, p: Principal, step: Step, draft: Draft) {
  const deps = c.var.deps;
  return attempt(async (): Promise<string | undefined> => {
    if (step === 'account') parseAsApi(AccountPart, { customer: customerOf(draft, p) });
    else if (step === 'distribution') await quoteSaleLines(deps, parseAsApi(DistributionPart, { distributions: [lineOf(draft)] }).distributions);
    else return (await registerSale(deps, p, parseAsApi(CreateSale, saleBodyOf(draft, p)))).id;
    return undefined;
  });
}

/** "Register new sale" in the seed's three steps; the last calls the same service as POST /v1/sales. */
export function registerSaleWizard(r: Hono<AppEnv>) {
  r.get('/sales/new', (c) => {
    requireRole(c, 'admin', 'manager');
    return renderStep(c, 'account', {});
  });

  r.post('/sales/new', async (c) => {
    const p = requireRole(c, 'admin', 'manager');
    const fields = await formFields(c);
    const draft = draftOf(fields);
    const step = isStep(fields._step) ? fields._step : 'account';
    const at = STEPS.indexOf(step);
    if (fields._go === 'search') return renderStep(c, 'account', draft);
    if (fields._go === 'back') return renderStep(c, STEPS[Math.max(0, at - 1)]!, draft);
    const done = await submit(c, p, step, draft);
    if (!done.ok) return renderStep(c, step === 'setup' ? stepOf(done.problem) : step, draft, done.problem);
    if (done.value) return c.redirect(`/portal/sales/${done.value}?registered=1`, 303);
    return renderStep(c, STEPS[at + 1]!, draft);
  });

  // htmx: the prices and key length of the line as it is being entered.
  r.post('/sales/new/price', async (c) => {
    requireRole(c, 'admin', 'manager');
    const draft = draftOf(await formFields(c));
    const { chosen } = await catalogFor(c.var.deps, draft);
    return c.html(<PriceBox {...await priceView(c.var.deps, draft, chosen)} />);
  });

  // htmx: the cancellation date of the activation date being entered.
  r.post('/sales/new/cancellation-date', async (c) => {
    requireRole(c, 'admin', 'manager');
    const draft = draftOf(await formFields(c));
    return c.html(<CancellationBox activationDate={draft.activationDate} />);
  });
}
