import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';

import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { usePartnerClients, type PartnerClient, type PartnerClientSecret } from '../api/partner-clients-query';
import type { Partner } from '../api/partners-query';
import { useRevokePartnerClient } from '../api/revoke-client-mutation';
import { useRotatePartnerClientSecret } from '../api/rotate-client-secret-mutation';
import { ClientSecretNotice } from './client-secret-notice';
import { CreateClientForm } from './create-client-form';
import { InvitePartnerUserForm } from './invite-partner-user-form';
import { SCOPE_LABELS } from './scope-labels';
import { contextLabel } from '@/lib/context-label';

type Confirmation = { clientId: string; action: 'rotate' | 'revoke' } | null;

/** One partner's API clients (create, rotate, revoke) and partner-user invitations. */
export function PartnerDetail({ partner }: { partner: Partner }) {
  const { t, i18n } = useTranslation();
  const problems = useProblemText();
  const clients = usePartnerClients(partner.id);
  const rotate = useRotatePartnerClientSecret(partner.id);
  const revoke = useRevokePartnerClient(partner.id);
  // The one place a secret lives, until the admin confirms they stored it.
  const [secret, setSecret] = useState<PartnerClientSecret | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation>(null);

  function confirm(client: PartnerClient): void {
    if (confirmation?.clientId !== client.clientId) return;
    if (confirmation.action === 'rotate') {
      rotate.mutate(client.clientId, {
        onSuccess: (answer) => {
          rotate.reset();
          setSecret(answer);
        },
      });
    } else {
      revoke.mutate(client.clientId);
    }
    setConfirmation(null);
  }

  let list;
  if (clients.isPending) {
    list = <LoadingStatus />;
  } else if (clients.isError) {
    list = <Alert tone="error">{problems.message(clients.error)}</Alert>;
  } else if (clients.data.pages.every((page) => page.items.length === 0)) {
    list = <p>{t('clients.empty')}</p>;
  } else {
    list = (
      <TableScroll label={t('clients.title', { partner: partner.name })}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('clients.name')}</th>
              <th scope="col">{t('clients.clientId')}</th>
              <th scope="col">{t('clients.scopes')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('clients.secretRotatedAt')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.data.pages
              .flatMap((page) => page.items)
              .map((client) => (
                <tr key={client.clientId}>
                  <th scope="row">{client.name}</th>
                  <td>
                    <code>{client.clientId}</code>
                  </td>
                  <td>{client.scopes.map((scope) => t(SCOPE_LABELS[scope])).join(', ')}</td>
                  <td>{t(`clientStatus.${client.status}`)}</td>
                  <td>{formatDateTime(client.secretRotatedAt, i18n.language)}</td>
                  <td>
                    {client.status === 'revoked' ? null : confirmation?.clientId === client.clientId ? (
                      <div
                        className="row-actions"
                        role="group"
                        aria-label={t('clients.confirmLabel', { name: client.name })}
                      >
                        <span>
                          {confirmation.action === 'rotate' ? t('clients.confirmRotate') : t('clients.confirmRevoke')}
                        </span>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            confirm(client);
                          }}
                        >
                          {confirmation.action === 'rotate' ? t('clients.rotateYes') : t('clients.revokeYes')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            setConfirmation(null);
                          }}
                        >
                          {t('common.cancel')}
                        </button>
                      </div>
                    ) : (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={rotate.isPending || revoke.isPending}
                          onClick={() => {
                            setConfirmation({ clientId: client.clientId, action: 'rotate' });
                          }}

                          aria-label={contextLabel(t('clients.rotate'), client.name)}
                        >
                          {t('clients.rotate')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={rotate.isPending || revoke.isPending}
                          onClick={() => {
                            setConfirmation({ clientId: client.clientId, action: 'revoke' });
                          }}

                          aria-label={contextLabel(t('clients.revoke'), client.name)}
                        >
                          {t('clients.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }

  return (
    <div className="partner-detail">
      <h3>{t('clients.title', { partner: partner.name })}</h3>
      {secret !== null && (
        <ClientSecretNotice
          secret={secret}
          onDismiss={() => {
            setSecret(null);
          }}
        />
      )}
      {rotate.isError && <Alert tone="error">{problems.message(rotate.error)}</Alert>}
      {revoke.isError && <Alert tone="error">{problems.message(revoke.error)}</Alert>}
      {revoke.isSuccess && <Alert tone="success">{t('clients.revoked')}</Alert>}
      {list}
      <LoadMoreButton list={clients} />
      <CreateClientForm partnerId={partner.id} onCreated={setSecret} />
      <InvitePartnerUserForm partnerId={partner.id} />
    </div>
  );
}
