import { z } from '@hono/zod-openapi';
import { AppError } from '../../../src/errors';
import { acceptCodeSends, codeSendResults, type RecipientList } from '../../../src/groups/code-sends';
import { principalOf, requireRole } from '../../auth';
import { IdParam, json } from '../../schemas';
import { JobSchema } from '../platform/schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';

const route = routesOf('group subscriptions');

const SendsJson = z
  .strictObject({ recipients: z.array(z.strictObject({ email: z.string().max(320), name: z.string().max(1000) })).min(1) })
  .openapi('CampaignCodeSends');

const CodeSendRowSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'sent', 'already_sent', 'failed']).openapi({
    description: 'sent: given a code by this list and e-mailed; already_sent: given its code by an earlier list (no second code, no second e-mail); failed: see error',
  }),
  code: z.string().nullable().openapi({ description: 'The code the recipient was given (this list or an earlier one)' }),
  error: z.string().nullable(),
});

export function registerCodeSendRoutes(app: Router) {
  app.openapi(
    route.post('/v1/campaigns/{id}/sends', {
      description:
        'E-mails each recipient one unused code of an active unique-code campaign, as a job (GET /v1/jobs/{id}; every recipient\'s outcome at ' +
        'GET /v1/campaigns/{id}/sends/{jobId}). JSON `{ recipients: [{ email, name }] }` or text/csv with header `email,name`. An address ' +
        'is given one code of a campaign, ever: re-running a list gives nobody a second code or a second e-mail. Bad rows are reported by line ' +
        '(CSV: the header is line 1; JSON: the position in recipients, from 1); a recipient for whom no unused code is left fails. A shared-code ' +
        'campaign, or one that is not active, answers 409 INVALID_STATE.',
      request: {
        params: IdParam,
        body: {
          required: false,
          content: {
            'application/json': { schema: SendsJson },
            'text/csv': { schema: z.string().openapi({ example: 'email,name\nana@xyz.example,Ana\n' }) },
          },
        },
      },
      ok: { 202: json(JobSchema, 'Accepted: the job runs') }, errors: [403, 404, 409, 415],
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const type = c.req.header('content-type') ?? '';
      let list: RecipientList;
      if (/^text\/csv\b/i.test(type)) list = { csv: await c.req.text() };
      // The platform's body gate let only a JSON type through besides CSV (415 for any other).
      else if (type) list = c.req.valid('json') as z.infer<typeof SendsJson>;
      else throw new AppError('VALIDATION_FAILED', 'Send the recipients as application/json or text/csv', { errors: [{ path: 'body', message: 'a list of recipients is required' }] });
      const job = await acceptCodeSends(c.var.deps, p, c.req.valid('param').id, list);
      c.header('Location', `/v1/jobs/${job.id}`);
      return c.json(job, 202);
    },
  );

  app.openapi(
    route.get('/v1/campaigns/{id}/sends/{jobId}', {
      description: 'The sends job with every recipient\'s outcome: sent, already_sent, failed (with the reason) or pending, and the code each was given.',
      request: { params: IdParam.extend({ jobId: z.uuid().openapi({ param: { name: 'jobId', in: 'path' } }) }) },
      ok: { 200: JobSchema.extend({ sent: z.number().int(), alreadySent: z.number().int(), recipients: z.array(CodeSendRowSchema) }) },
      errors: [404],
    }),
    async (c) => {
      const { id, jobId } = c.req.valid('param');
      const r = await codeSendResults(c.var.deps, principalOf(c), id, jobId);
      return c.json({ ...r, recipients: r.recipients.map(({ line, email, name, status, code, error }) => ({ line, email, name, status, code, error })) }, 200);
    },
  );
}
