import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRegionSlug } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useCreateRegion } from '../api/create-region-mutation';

/** Provisions a new region (slug + display name). */
export function CreateRegionForm() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const create = useCreateRegion();
  const headingId = useId();
  const [slug, setSlug] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [slugInvalid, setSlugInvalid] = useState(false);
  const fieldErrors = create.isError ? problems.fieldErrors(create.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!isRegionSlug(slug.trim())) {
      setSlugInvalid(true);
      return;
    }
    setSlugInvalid(false);
    create.mutate(
      { slug: slug.trim(), displayName: displayName.trim() },
      {
        onSuccess: () => {
          setSlug('');
          setDisplayName('');
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('adminRegions.createTitle')}</h2>
      <form className="form" onSubmit={submit}>
        {create.isError && <Alert tone="error">{problems.message(create.error)}</Alert>}
        {create.isSuccess && (
          <Alert tone="success">{t('adminRegions.created', { name: create.data.displayName })}</Alert>
        )}
        <TextField
          label={t('adminRegions.displayName')}
          autoComplete="off"
          required
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
          error={fieldErrors.displayName}
        />
        <TextField
          label={t('adminRegions.slug')}
          hint={t('adminRegions.slugHint')}
          autoComplete="off"
          spellCheck={false}
          required
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
          }}
          error={slugInvalid ? t('adminRegions.slugInvalid') : fieldErrors.slug}
        />
        <FormActions
          submitLabel={t('adminRegions.create')}
          pending={create.isPending}
          pendingLabel={t('adminRegions.creating')}
        />
      </form>
    </section>
  );
}
