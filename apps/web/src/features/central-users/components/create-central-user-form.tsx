import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { EMPTY_PERSON, PersonFields, personBody, type PersonDraft } from '@/components/ui/person-fields';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { SelectField } from '@/components/ui/select-field';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useCreateCentralUser, type CreateCentralUserBody } from '../api/create-central-user-mutation';

/** Creates an analyst or platform admin and shows the set-password link. */
export function CreateCentralUserForm() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const create = useCreateCentralUser();
  const headingId = useId();
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  const [centralRole, setCentralRole] = useState<CreateCentralUserBody['centralRole']>('analyst');
  const labels = useInvitationLabels(create.data?.invitationExpiresAt);
  const fieldErrors = create.isError ? problems.fieldErrors(create.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    create.mutate(
      { ...personBody(person), centralRole },
      {
        onSuccess: () => {
          setPerson(EMPTY_PERSON);
          setCentralRole('analyst');
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('centralUsers.createTitle')}</h2>
      {create.isSuccess && (
        <InvitationNotice
          url={create.data.invitationUrl}
          labels={{ ...labels, title: t('centralUsers.created', { name: create.data.user.displayName }) }}
          onDismiss={() => {
            create.reset();
          }}
        />
      )}
      <form className="form" onSubmit={submit}>
        {create.isError && <Alert tone="error">{problems.message(create.error)}</Alert>}
        <PersonFields value={person} onChange={setPerson} errors={fieldErrors} />
        <SelectField
          label={t('members.role')}
          value={centralRole}
          options={[
            { value: 'analyst', label: t('roles.analyst') },
            { value: 'platform_admin', label: t('roles.platform_admin') },
          ]}
          onChange={(event) => {
            setCentralRole(event.target.value === 'platform_admin' ? 'platform_admin' : 'analyst');
          }}
          error={fieldErrors.centralRole}
        />
        <FormActions submitLabel={t('centralUsers.create')} pending={create.isPending} />
      </form>
    </section>
  );
}
