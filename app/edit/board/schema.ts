import { z } from 'zod';
import { STATUSES } from '@/lib/status';
import { WORKFLOW_STATES } from '@/lib/workflow';

const id = z.coerce.number().int().positive();

/** A workflow move carries the claim's version as the person saw it: an approval is of what they read. */
export const moveSchema = z.object({ claimId: id, to: z.enum(WORKFLOW_STATES), version: id });
export const assignSchema = z.object({
  claimId: id,
  assigneeId: z.string().max(64).transform((v) => v || null),
  /** The assignee as the form showed it ('' for nobody); older forms without it assign as before. */
  from: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null)),
});

/** The board's filters, from the URL; anything unknown or malformed is ignored. */
export const boardFilterSchema = z.object({
  view: z.enum(['board', 'table']).catch('board'),
  mine: z.literal('1').optional().catch(undefined),
  assignee: z.string().max(64).optional().catch(undefined),
  article: id.optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  state: z.enum(WORKFLOW_STATES).optional().catch(undefined),
  party: id.optional().catch(undefined),
  age: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
});
