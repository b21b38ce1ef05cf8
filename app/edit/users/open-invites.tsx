import { ActionButton } from '@/components/forms/action-button';
import { CellLabel, stacked } from '@/components/stacked-table';
import { listOpenInvites } from '@/db/queries/users';
import { formatDate } from '@/lib/format';
import { revokeInviteAction } from './actions';

/** The invitation links that still work, so an admin can see who may still join and withdraw a link sent to the wrong person. */
export function OpenInvites() {
  const open = listOpenInvites();
  return (
    <section aria-labelledby="open-invites" className="mb-8">
      <h2 id="open-invites" className="mb-2 text-lg font-semibold">
        Open invitations
      </h2>
      {open.length === 0 ? (
        <p className="muted">No invitation link is waiting to be used.</p>
      ) : (
        <table className={stacked.table}>
          <thead className={stacked.thead}>
            <tr className="border-b border-[var(--rule)]">
              <th className="py-2">For</th>
              <th>Role</th>
              <th>Made by</th>
              <th>Works until</th>
              <th>
                <span className="sr-only">Withdraw</span>
              </th>
            </tr>
          </thead>
          <tbody className={stacked.tbody}>
            {open.map((invite) => {
              const holder = invite.email ?? 'anyone with the link';
              return (
                <tr key={invite.id} className={stacked.row}>
                  <td className={`${stacked.first} break-all`}>{invite.email ?? <span className="muted">{holder}</span>}</td>
                  <td className={stacked.cell}>
                    <CellLabel>Role</CellLabel>
                    {invite.role}
                  </td>
                  <td className={stacked.cell}>
                    <CellLabel>Made by</CellLabel>
                    {invite.createdBy ?? <span className="muted">command line</span>}
                  </td>
                  <td className={stacked.cell}>
                    <CellLabel>Works until</CellLabel>
                    {formatDate(invite.expiresAt)}
                  </td>
                  <td className={stacked.cell}>
                    <ActionButton action={revokeInviteAction} fields={{ inviteId: invite.id }} label={`Withdraw the ${invite.role} invitation for ${holder}, made ${formatDate(invite.createdAt)}`} danger>
                      Withdraw
                    </ActionButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
