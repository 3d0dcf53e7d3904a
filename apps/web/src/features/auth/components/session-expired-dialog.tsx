import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { LoginForm } from './login-form';

interface SessionExpiredDialogProps {
  /** The account whose session expired: only its password is asked. */
  email: string;
  /** Leave the page for the login page (the page and its unsaved input are then given up). */
  onSwitchUser: () => void;
}

/**
 * Over the page whose session expired: sign the same account in again without leaving it, so a half-filled form
 * is kept. It cannot be dismissed (the page behind cannot work without a session); the focus goes back to where it
 * was once the session is back.
 */
export function SessionExpiredDialog({ email, onSwitchUser }: SessionExpiredDialogProps) {
  const { t } = useTranslation();

  useEffect(() => {
    const previous = document.activeElement;
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <ModalDialog title={t('login.reauthTitle')} description={<p>{t('login.reauthText')}</p>} onClose={() => undefined}>
      <LoginForm fixedEmail={email} />
      <button type="button" className="button button--secondary" onClick={onSwitchUser}>
        {t('login.reauthSwitch')}
      </button>
    </ModalDialog>
  );
}
