'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage, inputClass } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { inviteAction } from './actions';

export function InviteForm() {
  const [state, formAction] = useFormAction(inviteAction);
  const link = state.ok ? (state.data as { link?: string } | undefined)?.link : undefined;
  return (
    <form action={formAction} className="panel max-w-lg rounded-lg p-4">
      <h2 className="mb-3 text-lg font-semibold">Invite someone</h2>
      <FormMessage state={state} />
      {link ? (
        <p className="mb-4 break-all">
          <label className="block text-sm font-semibold" htmlFor="invite-link">
            Invitation link
          </label>
          <input id="invite-link" readOnly value={link} className={inputClass} onFocus={(e) => e.currentTarget.select()} />
        </p>
      ) : null}
      <Field label="Email (optional)" name="email" type="email" hint="If given, only this address can use the link." state={state} />
      <div className="mb-4">
        <label htmlFor="invite-role" className="block text-sm font-semibold">
          Role
        </label>
        <select id="invite-role" name="role" defaultValue="editor" className={inputClass}>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <Field label="Link valid for (days)" name="days" type="number" min={1} max={30} defaultValue="7" state={state} />
      <SubmitButton pendingText="Creating…">Create invitation</SubmitButton>
    </form>
  );
}
