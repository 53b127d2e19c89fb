import { z } from '@hono/zod-openapi';

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    responseAllotment: z.enum(['none', 'can_be_purchased']),
    ltiService: z.boolean(),
    package: z.enum(['basic', 'advanced', 'premium']),
    memberLimit: z.number().int().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('Organization');

/** The fields of a new organization; sale registration takes them for a customer created with the sale. */
export const OrganizationFields = {
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullable().optional(),
  responseAllotment: z.enum(['none', 'can_be_purchased']).optional(),
  ltiService: z.boolean().optional(),
  package: z.enum(['basic', 'advanced', 'premium']).optional(),
  memberLimit: z.number().int().min(0).nullable().optional(),
};

/** A bulk job (bulk invite, import): every lifecycle's jobs answer this shape. */
export const JobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    total: z.number().int(),
    processed: z.number().int(),
    failed: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .openapi('Job');
