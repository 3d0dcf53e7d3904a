import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';

/** Who is being invited or created: the name shown in the app and the e-mail address to sign in with. */
export interface PersonDraft {
  displayName: string;
  email: string;
}

export const EMPTY_PERSON: PersonDraft = { displayName: '', email: '' };

/** The trimmed values to send. */
export function personBody(person: PersonDraft): PersonDraft {
  return { displayName: person.displayName.trim(), email: person.email.trim() };
}

interface PersonFieldsProps {
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  /** The API's field errors of the form (`displayName`, `email` are shown here). */
  errors: { displayName?: string | undefined; email?: string | undefined };
}

/** The name and e-mail fields every invitation form starts with ("Naam", "E-mailadres"). */
export function PersonFields({ value, onChange, errors }: PersonFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('common.displayName')}
        autoComplete="off"
        required
        value={value.displayName}
        onChange={(event) => {
          onChange({ ...value, displayName: event.target.value });
        }}
        error={errors.displayName}
      />
      <TextField
        label={t('common.email')}
        type="email"
        autoComplete="off"
        required
        value={value.email}
        onChange={(event) => {
          onChange({ ...value, email: event.target.value });
        }}
        error={errors.email}
      />
    </>
  );
}
