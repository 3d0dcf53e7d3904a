import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemCode } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/text-field';
import { ApiProblemError } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { useLogin } from '../api/login-mutation';

/** E-mail and password; on success the session holds the new token (the page then moves on). */
export function LoginForm() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const login = useLogin();
  const [email, setEmail] = useState('');
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
      <div className="form__actions">
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
