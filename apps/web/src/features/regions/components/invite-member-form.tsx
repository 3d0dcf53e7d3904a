import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useInviteMember, type InviteMemberBody } from '../api/invite-member-mutation';
import { useOrganisations } from '../api/organisations-query';

/** Invites a person to the region and shows the set-password link to hand over. */
export function InviteMemberForm({ region }: { region: string }) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const invite = useInviteMember(region);
  const organisations = useOrganisations(region);
  const headingId = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InviteMemberBody['role']>('counsellor');
  const [organisationId, setOrganisationId] = useState('');
  const labels = useInvitationLabels(invite.data?.invitationExpiresAt);
  const fieldErrors = invite.isError ? problems.fieldErrors(invite.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const body: InviteMemberBody = { displayName: displayName.trim(), email: email.trim(), role };
    if (organisationId !== '') body.organisationId = organisationId;
    invite.mutate(body, {
      onSuccess: () => {
        setDisplayName('');
        setEmail('');
        setRole('counsellor');
        setOrganisationId('');
      },
    });
  }

  const organisationOptions = [
    { value: '', label: t('inviteMember.noOrganisation') },
    ...(organisations.data?.items ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name })),
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
        <TextField
          label={t('common.displayName')}
          autoComplete="off"
          required
          maxLength={120}
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
        <div className="form__actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? t('inviteMember.submitting') : t('inviteMember.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
