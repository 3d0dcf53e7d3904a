import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { SetPasswordForm } from '@/features/auth/components/set-password-form';
import { useSessionState } from '@/lib/use-session';
import type { LoginLocationState } from './login-location-state';

/** Reads `token` from an invitation link's fragment (`/set-password#token=…`). */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}

/** /set-password: accept an invitation by choosing a password, then sign in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment never reaches the server, and stays out of later renders.
  const [token] = useState(() => tokenFromHash(location.hash));
  const session = useSessionState();
  // Set while someone else is signed in in this browser: the login page would skip to their pages.
  const [doneWhileSignedIn, setDoneWhileSignedIn] = useState(false);

  return (
    <article className="page page--narrow">
      <title>{t('setPassword.documentTitle')}</title>
      <h1>{t('setPassword.title')}</h1>
      <p className="page__lead">{t('setPassword.intro')}</p>
      {doneWhileSignedIn ? (
        <Alert tone="success">{t('setPassword.doneWhileSignedIn')}</Alert>
      ) : token === '' ? (
        <Alert tone="error">{t('setPassword.noToken')}</Alert>
      ) : (
        <div className="panel">
          <SetPasswordForm
            token={token}
            onDone={() => {
              if (session.status === 'signed-in') {
                setDoneWhileSignedIn(true);
                return;
              }
              const state: LoginLocationState = { notice: 'password-set' };
              void navigate('/login', { replace: true, state });
            }}
          />
        </div>
      )}
    </article>
  );
}
