import { z } from 'zod';
import type { BoardCursor } from '@/db/queries/board';
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

const CURSOR = /^\d{1,15}\.\d{1,12}$/;

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
  /** A page of the board: just older or just newer than a claim, as `<changed at, ms>.<id>` (boardCursor). */
  after: z.string().regex(CURSOR).optional().catch(undefined),
  before: z.string().regex(CURSOR).optional().catch(undefined),
});

/** The page a board address asks for (db/queries/board.ts's cursor); none: the first. */
export function boardCursor(f: { after?: string; before?: string }): BoardCursor | undefined {
  const value = f.after ?? f.before;
  if (!value) return undefined;
  const [at, id] = value.split('.').map(Number);
  return { dir: f.after ? 'after' : 'before', at: at!, id: id! };
}

/** A claim as a page boundary in a board address. */
export const cursorValue = (claim: { updatedAt: Date; id: number }) => `${claim.updatedAt.getTime()}.${claim.id}`;
