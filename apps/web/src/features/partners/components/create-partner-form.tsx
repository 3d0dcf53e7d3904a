import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useCreatePartner } from '../api/create-partner-mutation';

/** Adds a partner organisation. */
export function CreatePartnerForm() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const create = useCreatePartner();
  const headingId = useId();
  const [name, setName] = useState('');
  const fieldErrors = create.isError ? problems.fieldErrors(create.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: () => {
          setName('');
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partners.createTitle')}</h2>
      <form className="form" onSubmit={submit}>
        {create.isError && <Alert tone="error">{problems.message(create.error)}</Alert>}
        {create.isSuccess && <Alert tone="success">{t('partners.created', { name: create.data.name })}</Alert>}
        <TextField
          label={t('partners.name')}
          autoComplete="off"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={fieldErrors.name}
        />
        <FormActions submitLabel={t('partners.create')} pending={create.isPending} />
      </form>
    </section>
  );
}
