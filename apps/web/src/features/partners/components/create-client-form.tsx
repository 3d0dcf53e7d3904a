import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_SCOPES, type PartnerScope } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { useProblemText } from '@/lib/problem-messages';
import { useCreatePartnerClient } from '../api/create-client-mutation';
import type { PartnerClientSecret } from '../api/partner-clients-query';
import { SCOPE_LABELS } from './scope-labels';

interface CreateClientFormProps {
  partnerId: string;
  /** Receives the answer with the secret; the form itself keeps nothing of it. */
  onCreated: (secret: PartnerClientSecret) => void;
}

/** A new API client for a partner system: name and scopes. */
export function CreateClientForm({ partnerId, onCreated }: CreateClientFormProps) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const create = useCreatePartnerClient(partnerId);
  const scopesLegendId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<PartnerScope[]>([]);
  const fieldErrors = create.isError ? problems.fieldErrors(create.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: (secret) => {
          setName('');
          setScopes([]);
          // Hand the secret over and forget it here: it is shown once, by the caller.
          create.reset();
          onCreated(secret);
        },
      },
    );
  }

  const scopesError = fieldErrors.scopes;

  return (
    <form className="form subpanel" onSubmit={submit}>
      <h4>{t('clients.createTitle')}</h4>
      {create.isError && <Alert tone="error">{problems.message(create.error)}</Alert>}
      <TextField
        label={t('clients.name')}
        hint={t('clients.nameHint')}
        autoComplete="off"
        required
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        error={fieldErrors.name}
      />
      <fieldset
        className="field fieldset"
        aria-describedby={scopesError === undefined ? undefined : `${scopesLegendId}-error`}
      >
        <legend id={scopesLegendId} className="field__label">
          {t('clients.scopes')}
        </legend>
        {PARTNER_SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => {
                setScopes((current) =>
                  event.target.checked ? [...current, scope] : current.filter((value) => value !== scope),
                );
              }}
            />{' '}
            {t(SCOPE_LABELS[scope])} <code>{scope}</code>
          </label>
        ))}
        {scopesError !== undefined && (
          <p id={`${scopesLegendId}-error`} className="field__error">
            {scopesError}
          </p>
        )}
      </fieldset>
      <FormActions submitLabel={t('clients.create')} pending={create.isPending} />
    </form>
  );
}
