import type { Metadata } from 'next';
import { ActionButton } from '@/components/forms/action-button';
import { CellLabel, stacked } from '@/components/stacked-table';
import { listUsers } from '@/db/queries/users';
import { signOffRequired } from '@/db/queries/workflow';
import { formatDate } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';
import { setDisabledAction } from './actions';
import { DemoContent } from './demo-content';
import { InviteForm } from './invite-form';
import { OpenInvites } from './open-invites';
import { SignOffSetting } from './sign-off-setting';

export const metadata: Metadata = { title: 'People' };

export default async function UsersPage() {
  const me = await requirePageUser('admin');
  const users = listUsers();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">People</h1>
      <table className={`mb-8 ${stacked.table}`}>
        <thead className={stacked.thead}>
          <tr className="border-b border-[var(--rule)]">
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Since</th>
            <th>Account</th>
          </tr>
        </thead>
        <tbody className={stacked.tbody}>
          {users.map((u) => (
            <tr key={u.id} className={stacked.row}>
              <td className={`${stacked.first} font-semibold sm:font-normal`}>{u.name}</td>
              <td className={`${stacked.cell} break-all`}>
                <CellLabel>Email</CellLabel>
                {u.email}
              </td>
              <td className={stacked.cell}>
                <CellLabel>Role</CellLabel>
                {u.role}
              </td>
              <td className={stacked.cell}>
                <CellLabel>Since</CellLabel>
                {formatDate(u.createdAt)}
              </td>
              <td className={stacked.cell}>
                <CellLabel>Account</CellLabel>
                <span>
                  {u.disabledAt ? 'Disabled · ' : 'Active · '}
                  {u.id === me.id ? (
                    <span className="muted">you</span>
                  ) : (
                    <ActionButton action={setDisabledAction} fields={{ userId: u.id, disabled: u.disabledAt ? 'false' : 'true' }} label={`${u.disabledAt ? 'Enable' : 'Disable'} ${u.name}`}>
                      {u.disabledAt ? 'Enable' : 'Disable'}
                    </ActionButton>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignOffSetting required={signOffRequired()} />
      <DemoContent />
      <OpenInvites />
      <InviteForm />
    </div>
  );
}
