import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { EMPTY_PERSON, PersonFields, personBody, type PersonDraft } from '@/components/ui/person-fields';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useInvitePartnerUser } from '../api/invite-partner-user-mutation';

/** Invites a person of the partner organisation (partner page) and shows the link to hand over. */
export function InvitePartnerUserForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const invite = useInvitePartnerUser(partnerId);
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  const labels = useInvitationLabels(invite.data?.invitationExpiresAt);
  const fieldErrors = invite.isError ? problems.fieldErrors(invite.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    invite.mutate(
      { ...personBody(person) },
      {
        onSuccess: () => {
          setPerson(EMPTY_PERSON);
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
        <PersonFields value={person} onChange={setPerson} errors={fieldErrors} />
        <FormActions submitLabel={t('partnerUsers.invite')} pending={invite.isPending} />
      </form>
    </div>
  );
}
