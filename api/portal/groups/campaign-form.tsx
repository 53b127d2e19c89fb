/** @jsxImportSource hono/jsx */
import { Csrf, Field, ProblemAlert, Select } from '../components';
import type { FormProblem } from '../forms';

/** The fields of the API's body for each kind of campaign (the API refuses the other kind's fields). */
const FIELDS = { shared: ['mode', 'code', 'maxRedemptions', 'endsAt'], unique: ['mode', 'count', 'endsAt'] } as const;

/**
 * The form as the API's body (POST /v1/groups/{id}/campaigns): only the chosen kind's fields, and
 * the end date as the end of that day in UTC (the API takes an instant).
 */
export function campaignBody(fields: Record<string, string>): Record<string, string> {
  const mode = fields.mode === 'shared' || fields.mode === 'unique' ? fields.mode : undefined;
  const names: readonly string[] = mode ? FIELDS[mode] : [...new Set([...FIELDS.shared, ...FIELDS.unique])];
  const body = Object.fromEntries(names.filter((n) => fields[n] !== undefined).map((n) => [n, fields[n]!]));
  if (body.endsAt && /^\d{4}-\d{2}-\d{2}$/.test(body.endsAt.trim())) body.endsAt = `${body.endsAt.trim()}T23:59:59Z`;
  return body;
}

export const CampaignForm = (p: { groupId: string; csrf: string; problem?: FormProblem; values: Record<string, string> }) => (
  <form method="post" action={`/portal/groups/${p.groupId}/campaigns`} novalidate>
    <Csrf token={p.csrf} />
    <ProblemAlert problem={p.problem} />
    <Select
      name="mode"
      label="Kind of codes"
      value={p.values.mode ?? 'unique'}
      problem={p.problem}
      options={[
        { value: 'unique', label: 'Unique codes, each redeemed once (send them by e-mail)' },
        { value: 'shared', label: 'One shared code with a limit on its redemptions' },
      ]}
    />
    <fieldset>
      <legend>Unique codes</legend>
      <Field name="count" label="Number of codes" type="number" min={1} max={100000} value={p.values.count} problem={p.problem} />
    </fieldset>
    <fieldset>
      <legend>One shared code</legend>
      <Field name="code" label="Code" hint="3 to 64 letters and digits, e.g. XYZCOUPONCODE; codes are never reused" value={p.values.code} problem={p.problem} />
      <Field name="maxRedemptions" label="Redemptions allowed" type="number" min={1} value={p.values.maxRedemptions} problem={p.problem} />
    </fieldset>
    <Field name="endsAt" label="Ends on" type="date" hint="The campaign closes at the end of this day (UTC). Leave empty to run until deactivated." value={p.values.endsAt} problem={p.problem} />
    <button type="submit">Create campaign</button>
  </form>
);
