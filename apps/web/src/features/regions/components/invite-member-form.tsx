import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { EMPTY_PERSON, PersonFields, personBody, type PersonDraft } from '@/components/ui/person-fields';
import { FormActions } from '@/components/ui/form-actions';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { SelectField } from '@/components/ui/select-field';
import { useProblemText } from '@/lib/problem-messages';
import { useAllPages } from '@/lib/use-all-pages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useInviteMember, type InviteMemberBody } from '../api/invite-member-mutation';
import { useOrganisations } from '../api/organisations-query';

/** Invites a person to the region and shows the set-password link to hand over. */
export function InviteMemberForm({ region }: { region: string }) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const invite = useInviteMember(region);
  // Every organisation, all pages: a region has a handful to a few dozen member organisations, so one select
  // stays the simplest accessible choice.
  const organisations = useAllPages(useOrganisations(region));
  const headingId = useId();
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  const [role, setRole] = useState<InviteMemberBody['role']>('counsellor');
  const [organisationId, setOrganisationId] = useState('');
  const labels = useInvitationLabels(invite.data?.invitationExpiresAt);
  const fieldErrors = invite.isError ? problems.fieldErrors(invite.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const body: InviteMemberBody = { ...personBody(person), role };
    if (organisationId !== '') body.organisationId = organisationId;
    invite.mutate(body, {
      onSuccess: () => {
        setPerson(EMPTY_PERSON);
        setRole('counsellor');
        setOrganisationId('');
      },
    });
  }

  const organisationOptions = [
    { value: '', label: t('inviteMember.noOrganisation') },
    ...organisations.items.map((organisation) => ({ value: organisation.id, label: organisation.name })),
  ];

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('inviteMember.title')}</h2>
      <p>{t('inviteMember.intro')}</p>
      {invite.isSuccess && (
        <InvitationNotice
          url={invite.data.invitationUrl}
          labels={{ ...labels, title: t('inviteMember.done', { name: invite.data.member.displayName }) }}
          onDismiss={() => {
            invite.reset();
          }}
        />
      )}
      <form className="form" onSubmit={submit}>
        {invite.isError && <Alert tone="error">{problems.message(invite.error)}</Alert>}
        <PersonFields value={person} onChange={setPerson} errors={fieldErrors} />
        <SelectField
          label={t('members.role')}
          value={role}
          options={[
            { value: 'counsellor', label: t('roles.counsellor') },
            { value: 'coordinator', label: t('roles.coordinator') },
          ]}
          onChange={(event) => {
            setRole(event.target.value === 'coordinator' ? 'coordinator' : 'counsellor');
          }}
          error={fieldErrors.role}
        />
        <SelectField
          label={t('inviteMember.organisation')}
          value={organisationId}
          options={organisationOptions}
          onChange={(event) => {
            setOrganisationId(event.target.value);
          }}
          error={fieldErrors.organisationId}
        />
        <FormActions
          submitLabel={t('inviteMember.submit')}
          pending={invite.isPending}
          pendingLabel={t('inviteMember.submitting')}
        />
      </form>
    </section>
  );
}
