/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { acceptBulkInvite } from '../../../src/allotments/bulk-invite';
import { listCohorts } from '../../../src/allotments/cohorts';
import { createResponse, listResponses } from '../../../src/allotments/responses';
import { AppError } from '../../../src/errors';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { validationError } from '../../problem';
import { BulkInviteQuery, CreateResponse } from '../../routes/allotments/responses';
import { attempt, formFields, formFile } from '../forms';
import { choiceQuery, isChosen, readChoice, ROOT, type Chosen } from './choice';
import { ResponsesBody, roomPage, type Failed } from './responses-page';

const TITLE = 'Responses';

/** Parses a form's values, shaped as the API's body, with the API's own schema. */
export function parseAs<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** A date input's day (YYYY-MM-DD) as the API's instant: the end of that day, UTC; anything else as typed. */
export const endOfDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);

/** The choice, or 400 when a form is sent without one (a stale page). */
export async function chosenOrRefuse(c: Context<AppEnv>): Promise<Chosen> {
  const choice = await readChoice(c);
  if (!isChosen(choice)) throw new AppError('VALIDATION_FAILED', 'Choose an assessment and an organization first');
  return choice;
}

async function render(c: Context<AppEnv>, choice: Chosen, o: { created?: boolean; failed?: Failed<'create' | 'bulk'>; status?: ContentfulStatusCode } = {}) {
  const deps = c.var.deps;
  const [rows, cohorts] = await Promise.all([
    listResponses(deps, choice.principal, { organizationId: choice.organizationId, assessmentId: choice.assessment.id, limit: 20 }),
    listCohorts(deps, choice.principal, choice.assessment.id, { organizationId: choice.organizationId, limit: 200 }),
  ]);
  return roomPage(c, choice, {
    title: TITLE,
    path: '',
    status: o.status,
    notice: o.created ? 'The response was created and its invitation started.' : undefined,
    body: <ResponsesBody choice={choice} rows={rows} cohorts={cohorts} failed={o.failed} />,
  });
}

/** Responses (docs/portal.md "Responses"): the list, manual entry and the CSV bulk invite. */
export function registerResponseScreens(r: Hono<AppEnv>) {
  r.get('/responses', async (c) => {
    requireRole(c, 'admin', 'manager');
    const choice = await readChoice(c);
    if (!isChosen(choice)) return roomPage(c, choice, { title: TITLE, path: '' });
    return render(c, choice, { created: c.req.query('created') === '1' });
  });

  // Manual entry: the API's body (organizationId from the choice) through the API's schema and service.
  r.post('/responses', async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const fields = await formFields(c);
    const done = await attempt(() => {
      const body = parseAs(CreateResponse, {
        organizationId: choice.organizationId,
        respondent: { email: fields['respondent.email']?.trim() ?? '', name: fields['respondent.name'] ?? '' },
        expiresAt: fields.expiresAt?.trim() ? endOfDay(fields.expiresAt.trim()) : undefined,
        cohortId: fields.cohortId || undefined,
        notify: fields.notify === 'true',
      });
      return createResponse(c.var.deps, principal, choice.assessment.id, body);
    });
    if (!done.ok) return render(c, choice, { failed: { form: 'create', problem: done.problem, values: fields }, status: done.problem.status as ContentfulStatusCode });
    return c.redirect(`${ROOT}?${choiceQuery(choice, { created: '1' })}`, 303);
  });

  // The CSV bulk invite: the same service as POST /v1/assessments/{id}/responses/bulk, then its job's page.
  r.post('/responses/bulk', async (c) => {
    const principal = requireRole(c, 'admin', 'manager');
    const choice = await chosenOrRefuse(c);
    const fields = await formFields(c);
    const file = await formFile(c, 'file');
    const done = await attempt(async () => {
      if (!file || file.size === 0) {
        throw new AppError('VALIDATION_FAILED', 'Choose a CSV file to upload', { errors: [{ path: 'file', message: 'Choose a CSV file' }] });
      }
      const q = parseAs(BulkInviteQuery, { organizationId: choice.organizationId, cohortId: fields.cohortId || undefined, notify: fields.notify === 'true' ? 'true' : 'false' }, 'query');
      const to = { organizationId: q.organizationId, assessmentId: choice.assessment.id, cohortId: q.cohortId, notify: q.notify === 'true' };
      return acceptBulkInvite(c.var.deps, principal, to, await file.text());
    });
    if (!done.ok) return render(c, choice, { failed: { form: 'bulk', problem: done.problem, values: fields }, status: done.problem.status as ContentfulStatusCode });
    return c.redirect(`${ROOT}/jobs/${done.value.id}?${choiceQuery(choice)}`, 303);
  });
}
