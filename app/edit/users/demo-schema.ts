import { z } from 'zod';

/** The confirmation dialog's one field: removing the demo is never a side effect of another form. */
export const removeDemoSchema = z.object({ demo: z.literal('remove', 'Confirm that the demo content is to be removed.') });
