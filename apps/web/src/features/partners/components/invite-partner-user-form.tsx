import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useInvitePartnerUser } from '../api/invite-partner-user-mutation';

/** Invites a person of the partner organisation (partner page) and shows the link to hand over. */
export function InvitePartnerUserForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const invite = useInvitePartnerUser(partnerId);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const labels = useInvitationLabels(invite.data?.invitationExpiresAt);
  const fieldErrors = invite.isError ? problems.fieldErrors(invite.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    invite.mutate(
      { displayName: displayName.trim(), email: email.trim() },
      {
        onSuccess: () => {
          setDisplayName('');
          setEmail('');
        },
      },
    );
  }

  return (
    <div className="subpanel">
      <h4>{t('partnerUsers.title')}</h4>
      {invite.isSuccess && (
        <InvitationNotice
          url={invite.data.invitationUrl}
          labels={{ ...labels, title: t('partnerUsers.invited', { name: invite.data.user.displayName }) }}
          onDismiss={() => {
            invite.reset();
          }}
        />
      )}
      <form className="form" onSubmit={submit}>
        {invite.isError && <Alert tone="error">{problems.message(invite.error)}</Alert>}
        <TextField
          label={t('common.displayName')}
          autoComplete="off"
          required
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
          error={fieldErrors.displayName}
        />
        <TextField
          label={t('common.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
          error={fieldErrors.email}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('partnerUsers.invite')}
          </button>
        </div>
      </form>
    </div>
  );
}
