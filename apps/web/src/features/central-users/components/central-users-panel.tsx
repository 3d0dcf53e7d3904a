import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';

import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useCentralUsers, type PlatformUser } from '../api/central-users-query';
import { useUpdateUser } from '../api/update-user-mutation';
import { contextLabel } from '@/lib/context-label';

interface CentralUsersPanelProps {
  /** The signed-in admin: cannot deactivate their own account here. */
  currentUserId: string;
}

/** Support-point and partner users, with deactivate / reactivate. */
export function CentralUsersPanel({ currentUserId }: CentralUsersPanelProps) {
  const { t, i18n } = useTranslation();
  const problems = useProblemText();
  const users = useCentralUsers();
  const update = useUpdateUser();
  const headingId = useId();

  function roleOf(user: PlatformUser): string {
    if (user.centralRole !== null) return t(`roles.${user.centralRole}`);
    if (user.partnerId !== null) return t('roles.partner');
    return t('common.none');
  }

  function statusAction(user: PlatformUser): string {
    return user.status === 'deactivated' ? t('centralUsers.reactivate') : t('centralUsers.deactivate');
  }

  let body;
  if (users.isPending) {
    body = <LoadingStatus />;
  } else if (users.isError) {
    body = <Alert tone="error">{problems.message(users.error)}</Alert>;
  } else {
    const rows = users.data.pages.flatMap((page) => page.items);
    body = (
      <>
        <TableScroll label={t('centralUsers.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.accountStatus')}</th>
                <th scope="col">{t('members.lastLogin')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.displayName}</th>
                  <td>{user.email}</td>
                  <td>{roleOf(user)}</td>
                  <td>{t(`accountStatus.${user.status}`)}</td>
                  <td>
                    {user.lastLoginAt === null
                      ? t('members.neverLoggedIn')
                      : formatDateTime(user.lastLoginAt, i18n.language)}
                  </td>
                  <td>
                    {user.id === currentUserId ? (
                      <span className="muted">{t('members.you')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={update.isPending && update.variables.userId === user.id}
                        onClick={() => {
                          update.mutate({
                            userId: user.id,
                            changes: { status: user.status === 'deactivated' ? 'active' : 'deactivated' },
                          });
                        }}

                        aria-label={contextLabel(statusAction(user), user.displayName)}
                      >
                        {statusAction(user)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <LoadMoreButton list={users} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('centralUsers.title')}</h2>
      {update.isError && <Alert tone="error">{problems.message(update.error)}</Alert>}
      {update.isSuccess && <Alert tone="success">{t('members.updated', { name: update.data.displayName })}</Alert>}
      {body}
    </section>
  );
}
