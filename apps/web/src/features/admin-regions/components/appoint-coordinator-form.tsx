import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { EMPTY_PERSON, PersonFields, personBody, type PersonDraft } from '@/components/ui/person-fields';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useInviteCoordinator } from '../api/invite-coordinator-mutation';

interface AppointCoordinatorFormProps {
  slug: string;
  regionName: string;
  onClose: () => void;
}

/** Appoints a coordinator of one region; shows the set-password link for a new account. */
export function AppointCoordinatorForm({ slug, regionName, onClose }: AppointCoordinatorFormProps) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const invite = useInviteCoordinator(slug);
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  const labels = useInvitationLabels(invite.data?.invitationExpiresAt);
  const fieldErrors = invite.isError ? problems.fieldErrors(invite.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    invite.mutate({ ...personBody(person) });
  }

  if (invite.isSuccess) {
    return (
      <InvitationNotice
        url={invite.data.invitationUrl}
        labels={{
          ...labels,
          title: t('adminRegions.appointed', { name: invite.data.member.displayName, region: regionName }),
        }}
        onDismiss={onClose}
      />
    );
  }

  return (
    <form className="form subpanel" onSubmit={submit} aria-label={t('adminRegions.appointFor', { region: regionName })}>
      <h3>{t('adminRegions.appointFor', { region: regionName })}</h3>
      {invite.isError && <Alert tone="error">{problems.message(invite.error)}</Alert>}
      <PersonFields value={person} onChange={setPerson} errors={fieldErrors} />
      <FormActions submitLabel={t('adminRegions.appoint')} pending={invite.isPending} onCancel={onClose} />
    </form>
  );
}
