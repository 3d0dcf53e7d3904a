import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';

import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useMembers, type Member } from '../api/members-query';
import { useUpdateMember } from '../api/update-member-mutation';
import { contextLabel } from '@/lib/context-label';

interface MembersPanelProps {
  region: string;
  /** The signed-in coordinator: no buttons to demote or deactivate oneself. */
  currentUserId: string;
}

/** The region's members with role and membership actions (coordinators). */
export function MembersPanel({ region, currentUserId }: MembersPanelProps) {
  const { t, i18n } = useTranslation();
  const problems = useProblemText();
  const members = useMembers(region);
  const update = useUpdateMember(region);
  const headingId = useId();

  function pendingFor(member: Member): boolean {
    return update.isPending && update.variables.userId === member.id;
  }

  let body;
  if (members.isPending) {
    body = <LoadingStatus />;
  } else if (members.isError) {
    body = <Alert tone="error">{problems.message(members.error)}</Alert>;
  } else {
    const rows = members.data.pages.flatMap((page) => page.items);
    body =
      rows.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <>
          <TableScroll label={t('members.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.accountStatus')}</th>
                  <th scope="col">{t('members.membershipStatus')}</th>
                  <th scope="col">{t('members.lastLogin')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((member) => {
                  const roleAction =
                    member.role === 'coordinator' ? t('members.makeCounsellor') : t('members.makeCoordinator');
                  const statusAction =
                    member.membershipStatus === 'active' ? t('members.deactivate') : t('members.reactivate');
                  return (
                    <tr key={member.id}>
                      <th scope="row">{member.displayName}</th>
                      <td>{member.email}</td>
                      <td>{t(`roles.${member.role}`)}</td>
                      <td>{t(`accountStatus.${member.status}`)}</td>
                      <td>{t(`membershipStatus.${member.membershipStatus}`)}</td>
                      <td>
                        {member.lastLoginAt === null
                          ? t('members.neverLoggedIn')
                          : formatDateTime(member.lastLoginAt, i18n.language)}
                      </td>
                      <td>
                        {member.id === currentUserId ? (
                          <span className="muted">{t('members.you')}</span>
                        ) : (
                          <div className="row-actions">
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              disabled={pendingFor(member)}
                              onClick={() => {
                                update.mutate({
                                  userId: member.id,
                                  changes: { role: member.role === 'coordinator' ? 'counsellor' : 'coordinator' },
                                });
                              }}

                              aria-label={contextLabel(roleAction, member.displayName)}
                            >
                              {roleAction}
                            </button>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              disabled={pendingFor(member)}
                              onClick={() => {
                                update.mutate({
                                  userId: member.id,
                                  changes: { status: member.membershipStatus === 'active' ? 'deactivated' : 'active' },
                                });
                              }}

                              aria-label={contextLabel(statusAction, member.displayName)}
                            >
                              {statusAction}
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <LoadMoreButton list={members} />
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('members.title')}</h2>
      {update.isError && <Alert tone="error">{problems.message(update.error)}</Alert>}
      {update.isSuccess && <Alert tone="success">{t('members.updated', { name: update.data.displayName })}</Alert>}
      {body}
    </section>
  );
}
