'use client';

import { useActionState } from 'react';
import { setDisabledAction } from './actions';

export function DisableButton({ userId, disabled, name }: { userId: string; disabled: boolean; name: string }) {
  const [state, formAction, pending] = useActionState(setDisabledAction, { ok: true });
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" className="underline" disabled={pending} aria-label={`${disabled ? 'Enable' : 'Disable'} ${name}`}>
        {disabled ? 'Enable' : 'Disable'}
      </button>
      {!state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
