import { z } from 'zod';
import { formId } from '@/lib/form-fields';

export const retryJobSchema = z.object({ jobId: formId });
