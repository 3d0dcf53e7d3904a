import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSessionState } from '@/lib/use-session';
import { readLoginLocationState } from './login-location-state';
import { PageLoading } from './page-loading';

/** /login: the form, with a word on why the user is here; once signed in, back to where they were. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSessionState();
  const location = useLocation();
  const { from, reason, notice } = readLoginLocationState(location.state);

  if (session.status === 'signed-in') return <Navigate to={from ?? '/'} replace />;
  if (session.status === 'unknown') return <PageLoading />;

  return (
    <article className="page page--narrow">
      <title>{t('login.documentTitle')}</title>
      <h1>{t('login.title')}</h1>
      <p className="page__lead">{t('login.intro')}</p>
      {reason === 'expired' && <Alert tone="info">{t('login.expired')}</Alert>}
      {reason === 'signed-out' && <Alert tone="info">{t('login.signedOut')}</Alert>}
      {notice === 'password-set' && <Alert tone="success">{t('login.passwordSet')}</Alert>}
      <div className="panel">
        <LoginForm />
      </div>
      <p className="muted">{t('login.help')}</p>
    </article>
  );
}
