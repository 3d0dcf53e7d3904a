import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemCode } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { TextField } from '@/components/ui/text-field';
import { ApiProblemError } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { useLogin } from '../api/login-mutation';

interface LoginFormProps {
  /** Signing the same account in again (session expired): the e-mail is shown, only the password is asked. */
  fixedEmail?: string;
}

/** E-mail and password; on success the session holds the new token (the page then moves on). */
export function LoginForm({ fixedEmail }: LoginFormProps = {}) {
  const { t } = useTranslation();
  const problems = useProblemText();
  const login = useLogin({ sameUser: fixedEmail !== undefined });
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');

  function errorText(error: unknown): string {
    if (error instanceof ApiProblemError && error.code === ProblemCode.ACCOUNT_LOCKED) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return t('login.errors.locked', { count: minutes });
    }
    if (error instanceof ApiProblemError && error.code === ProblemCode.RATE_LIMITED) {
      return t('login.errors.rateLimited');
    }
    return problems.message(error);
  }

  const fieldErrors = login.isError ? problems.fieldErrors(login.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  return (
    <form className="form" onSubmit={submit}>
      {login.isError && <Alert tone="error">{errorText(login.error)}</Alert>}
      {fixedEmail === undefined ? (
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
          error={fieldErrors.email}
        />
      ) : (
        <p>{t('login.reauthAccount', { email: fixedEmail })}</p>
      )}
      <TextField
        label={t('login.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
        error={fieldErrors.password}
      />
      <FormActions submitLabel={t('login.submit')} pending={login.isPending} pendingLabel={t('login.submitting')} />
    </form>
  );
}
