import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { InvitationNotice } from '@/components/ui/invitation-notice';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useInvitationLabels } from '@/lib/use-invitation-labels';
import { useCreateCentralUser, type CreateCentralUserBody } from '../api/create-central-user-mutation';

/** Creates an analyst or platform admin and shows the set-password link. */
export function CreateCentralUserForm() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const create = useCreateCentralUser();
  const headingId = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [centralRole, setCentralRole] = useState<CreateCentralUserBody['centralRole']>('analyst');
  const labels = useInvitationLabels(create.data?.invitationExpiresAt);
  const fieldErrors = create.isError ? problems.fieldErrors(create.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    create.mutate(
      { displayName: displayName.trim(), email: email.trim(), centralRole },
      {
        onSuccess: () => {
          setDisplayName('');
          setEmail('');
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
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('centralUsers.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
