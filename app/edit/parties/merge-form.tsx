'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { FormMessage, SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { mergePartiesAction } from './actions';

/** Merges another party (a duplicate) into this one, which is kept. */
export function MergeForm({ keep, others }: { keep: { id: number; name: string }; others: { id: number; name: string }[] }) {
  const [state, formAction] = useFormAction(mergePartiesAction);
  return (
    <form action={formAction} aria-label="Merge a duplicate" className="panel max-w-lg rounded-lg p-4">
      <h2 className="mb-2 text-lg font-semibold">Merge a duplicate into {keep.name}</h2>
      <p className="muted mb-3 text-sm">
        The duplicate’s claims and responses move to {keep.name}; the duplicate is removed and its page redirects here. This
        cannot be undone.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="keepId" value={keep.id} />
      <SelectField
        label="Duplicate to merge"
        name="removeId"
        options={others.map((p) => ({ value: String(p.id), label: p.name }))}
        placeholder="— choose —"
        state={state}
      />
      <SubmitButton pendingText="Merging…">Merge into {keep.name}</SubmitButton>
    </form>
  );
}
