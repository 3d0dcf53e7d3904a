import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemCode } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { ApiProblemError } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { useSetPassword } from '../api/set-password-mutation';

const MIN_LENGTH = 12;

/**
 * The API explains a refused password in English free text (rule `passwordPolicy`); these are
 * the reasons it gives, mapped onto our own wording.
 */
const WEAKNESS_REASONS = [
  ['at least', 'setPassword.reasons.tooShort'],
  ['at most', 'setPassword.reasons.tooLong'],
  ['different characters', 'setPassword.reasons.tooFewCharacters'],
  ['sequence', 'setPassword.reasons.sequence'],
  ['too common', 'setPassword.reasons.common'],
  ['e-mail', 'setPassword.reasons.containsEmail'],
] as const;

interface SetPasswordFormProps {
  token: string;
  onDone: () => void;
}

/** New password twice; the API's verdict on a weak password is shown at the field. */
export function SetPasswordForm({ token, onDone }: SetPasswordFormProps) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const setPassword = useSetPassword();
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const error = setPassword.error;
  const weak = error instanceof ApiProblemError && error.code === ProblemCode.WEAK_PASSWORD;

  function weaknessText(): string {
    if (!(error instanceof ApiProblemError)) return t('setPassword.reasons.generic');
    const message = error.fieldErrors.find((fieldError) => fieldError.field === 'password')?.message ?? '';
    const reason = WEAKNESS_REASONS.find(([fragment]) => message.includes(fragment));
    return reason ? t(reason[1], { min: MIN_LENGTH }) : t('setPassword.reasons.generic');
  }

  const passwordError = weak ? weaknessText() : setPassword.isError ? problems.fieldErrors(error).password : undefined;

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setPassword.mutate({ token, password }, { onSuccess: onDone });
  }

  return (
    <form className="form" onSubmit={submit}>
      {setPassword.isError && (
        <Alert tone="error">{weak ? t('setPassword.weakSummary') : problems.message(error)}</Alert>
      )}
      {mismatch && <Alert tone="error">{t('setPassword.mismatchSummary')}</Alert>}
      <TextField
        label={t('setPassword.password')}
        hint={t('setPassword.hint', { min: MIN_LENGTH })}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_LENGTH}
        value={password}
        onChange={(event) => {
          setPasswordValue(event.target.value);
        }}
        error={passwordError}
      />
      <TextField
        label={t('setPassword.repeat')}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(event) => {
          setRepeat(event.target.value);
        }}
        error={mismatch ? t('setPassword.mismatch') : undefined}
      />
      <FormActions
        submitLabel={t('setPassword.submit')}
        pending={setPassword.isPending}
        pendingLabel={t('setPassword.submitting')}
      />
    </form>
  );
}
