'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { FormMessage } from '@/components/forms/fields';
import { signOffAction } from './actions';

/** The newsroom's rule that a verdict needs a second editor's approval. */
export function SignOffSetting({ required }: { required: boolean }) {
  const [state, formAction, pending] = useFormAction(signOffAction);
  return (
    <form action={formAction} className="panel mb-8 max-w-lg rounded-lg p-4">
      <h2 className="mb-2 text-lg font-semibold">Second-reviewer sign-off</h2>
      <FormMessage state={state} />
      <p className="mb-3 text-sm">
        {required
          ? 'On: a verdict, or a change to a published verdict, is published only after a different editor approves it.'
          : 'Off: editors publish their own verdicts (for a small newsroom).'}
      </p>
      <input type="hidden" name="required" value={required ? 'false' : 'true'} />
      <button type="submit" disabled={pending} className="rounded border border-[var(--rule)] px-3 py-1 font-semibold">
        {required ? 'Turn sign-off off' : 'Turn sign-off on'}
      </button>
    </form>
  );
}
