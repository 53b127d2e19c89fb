import { z } from 'zod';
import type { Principal } from '../../../src/domain/principal';
import { validationError } from '../../problem';
import { CreateSale, Customer, SaleLineInput } from '../../routes/sales/schemas';
import type { FormProblem } from '../forms';

/**
 * "Register new sale" keeps what was entered across its three steps in the form itself (hidden
 * fields): the API has no drafts, and nothing is stored until the last step creates the sale.
 * Every field is named as the API's body names it (`customer.organizationId`,
 * `distributions.0.numberOfUsers`…), so a problem's `errors[].path` lands next to its input.
 */
export const STEPS = ['account', 'distribution', 'setup'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = {
  account: 'Account and billing information',
  distribution: 'Product distribution',
  setup: 'Set-up',
};

/** The fields each step asks for; the others travel along hidden. */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  account: ['q', 'customer.organizationId', 'customer.newOrganization.name', 'customer.newOrganization.ltiService', 'customer.contacts', 'customer.users'],
  distribution: ['distributions.0.distributionId', 'distributions.0.salesType', 'distributions.0.numberOfUsers', 'distributions.0.currency'],
  setup: ['name', 'customerPoNumber', 'orderNumber', 'billed', 'activationDate', 'comment'],
};

/** The radio value that means "create a new organization" instead of picking one. */
export const NEW_ORGANIZATION = 'new';

export type Draft = Record<string, string>;

/** The draft's fields out of a submitted form (anything else is dropped). */
export function draftOf(fields: Record<string, string>): Draft {
  const draft: Draft = {};
  for (const step of STEPS) for (const k of STEP_FIELDS[step]) if (fields[k] !== undefined) draft[k] = fields[k];
  return draft;
}

export const isStep = (v: string | undefined): v is Step => (STEPS as readonly string[]).includes(v ?? '');

/** "Name <email>" or "Name, email", one person a line; a line without an address is sent as typed, so the API names it. */
export function peopleOf(text: string | undefined): { name: string; email: string }[] | undefined {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return undefined;
  return lines.map((line) => {
    const m = /^(.*?)[\s,;<]*<?([^\s<>,;]+@[^\s<>,;]+?)>?$/.exec(line);
    return m ? { name: m[1]!.trim(), email: m[2]! } : { name: line, email: '' };
  });
}

const present = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v : undefined);

/** The customer part of POST /v1/sales, as the draft says it. */
export function customerOf(d: Draft, p: Principal) {
  const choice = present(d['customer.organizationId']);
  const org =
    choice === NEW_ORGANIZATION
      ? {
          newOrganization: {
            name: d['customer.newOrganization.name'] ?? '',
            ...(p.role === 'admin' && d['customer.newOrganization.ltiService'] === 'on' && { ltiService: true }),
          },
        }
      : { organizationId: choice };
  return { ...org, contacts: peopleOf(d['customer.contacts']), users: peopleOf(d['customer.users']) };
}

/** The one distribution line the portal registers (the API takes several; see docs/portal.md). */
export function lineOf(d: Draft) {
  const users = d['distributions.0.numberOfUsers']?.trim() ?? '';
  return {
    distributionId: present(d['distributions.0.distributionId']),
    salesType: present(d['distributions.0.salesType']) ?? 'per_user',
    numberOfUsers: /^\d+$/.test(users) ? Number(users) : present(users),
    currency: present(d['distributions.0.currency']),
  };
}

/** The whole body of POST /v1/sales. */
export function saleBodyOf(d: Draft, p: Principal) {
  return {
    name: present(d.name),
    customer: customerOf(d, p),
    distributions: [lineOf(d)],
    customerPoNumber: present(d.customerPoNumber),
    orderNumber: present(d.orderNumber),
    billed: present(d.billed),
    activationDate: present(d.activationDate),
    comment: present(d.comment),
  };
}

/** Checks a value with one of the API's schemas, failing as the API would (400 naming each field). */
export function parseAsApi<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Step 1's and step 2's parts of CreateSale, so each step is checked by the API's own rules. */
export const AccountPart = z.object({ customer: Customer });
export const DistributionPart = z.object({ distributions: z.array(SaleLineInput).min(1) });
export { CreateSale };

/** Which step holds what a problem is about, so it is shown where the field is. */
export function stepOf(problem: FormProblem): Step {
  const paths = Object.keys(problem.fields);
  if (paths.some((k) => k.startsWith('customer'))) return 'account';
  if (paths.some((k) => k.startsWith('distributions'))) return 'distribution';
  if (paths.length) return 'setup';
  if (problem.code === 'NO_VALID_PRICE' || /distribution/i.test(problem.detail)) return 'distribution';
  if (['LTI_SERVICE_REQUIRED', 'FORBIDDEN'].includes(problem.code) || /organization/i.test(problem.detail)) return 'account';
  return 'setup';
}

/**
 * The problem with each message under the input that shows it: a contact or user line's error
 * (`customer.contacts.2.email`) goes to its text box, as "line 3: …".
 */
export function foldProblem(problem: FormProblem | undefined): FormProblem | undefined {
  if (!problem) return undefined;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(problem.fields)) {
    const m = /^(customer\.(?:contacts|users))\.(\d+)(?:\.\w+)?$/.exec(path);
    if (m) fields[m[1]!] ??= `line ${Number(m[2]) + 1}: ${message}`;
    else fields[path] ??= message;
  }
  return { ...problem, fields };
}
