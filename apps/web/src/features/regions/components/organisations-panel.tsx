import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useCreateOrganisation } from '../api/create-organisation-mutation';
import { useOrganisations } from '../api/organisations-query';

interface OrganisationsPanelProps {
  region: string;
  /** Coordinators may add organisations. */
  canEdit: boolean;
}

/** The region's member organisations, with a form to add one. */
export function OrganisationsPanel({ region, canEdit }: OrganisationsPanelProps) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const organisations = useOrganisations(region);
  const create = useCreateOrganisation(region);
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

  let list;
  if (organisations.isPending) {
    list = <LoadingStatus />;
  } else if (organisations.isError) {
    list = <Alert tone="error">{problems.message(organisations.error)}</Alert>;
  } else if (organisations.data.pages.every((page) => page.items.length === 0)) {
    list = <p>{t('organisations.empty')}</p>;
  } else {
    list = (
      <ul className="plain-list">
        {organisations.data.pages
          .flatMap((page) => page.items)
          .map((organisation) => (
            <li key={organisation.id}>{organisation.name}</li>
          ))}
      </ul>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisations.title')}</h2>
      {list}
      <LoadMoreButton list={organisations} />
      {canEdit && (
        <form className="form form--inline" onSubmit={submit}>
          {create.isError && <Alert tone="error">{problems.message(create.error)}</Alert>}
          {create.isSuccess && <Alert tone="success">{t('organisations.added', { name: create.data.name })}</Alert>}
          <TextField
            label={t('organisations.name')}
            autoComplete="off"
            required
            maxLength={200}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
            error={fieldErrors.name}
          />
          <FormActions submitLabel={t('organisations.add')} pending={create.isPending} />
        </form>
      )}
    </section>
  );
}
