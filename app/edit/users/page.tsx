import type { Metadata } from 'next';
import { ActionButton } from '@/components/forms/action-button';
import { listUsers } from '@/db/queries/users';
import { signOffRequired } from '@/db/queries/workflow';
import { formatDate } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';
import { setDisabledAction } from './actions';
import { DemoContent } from './demo-content';
import { InviteForm } from './invite-form';
import { SignOffSetting } from './sign-off-setting';

export const metadata: Metadata = { title: 'People' };

export default async function UsersPage() {
  const me = await requirePageUser('admin');
  const users = listUsers();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">People</h1>
      <table className="mb-8 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-[var(--rule)]">
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Since</th>
            <th>Account</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-[var(--rule)]">
              <td className="py-2">{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{formatDate(u.createdAt)}</td>
              <td>
                {u.disabledAt ? 'Disabled · ' : 'Active · '}
                {u.id === me.id ? (
                  <span className="muted">you</span>
                ) : (
                  <ActionButton action={setDisabledAction} fields={{ userId: u.id, disabled: u.disabledAt ? 'false' : 'true' }} label={`${u.disabledAt ? 'Enable' : 'Disable'} ${u.name}`}>
                    {u.disabledAt ? 'Enable' : 'Disable'}
                  </ActionButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignOffSetting required={signOffRequired()} />
      <DemoContent />
      <InviteForm />
    </div>
  );
}
