import { z } from 'zod';
import { formId } from '@/lib/form-fields';

/** Accepting or dismissing a change the watch found (db/queries/watches.ts). */
export const outletChangeSchema = z.object({ pendingId: formId });

export const checkNowSchema = z.object({ articleId: formId });
