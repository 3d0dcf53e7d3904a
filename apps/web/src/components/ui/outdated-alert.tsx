import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';

interface OutdatedAlertProps {
  /** The problem in plain language (someone else saved first). */
  message: string;
  reloadLabel: string;
  /** Reads the newest version (and clears the failed save); the button is disabled until it settles. */
  onReload: () => Promise<unknown>;
}

/** An edit form's "someone else saved first" error, with a button that loads the newest version. */
export function OutdatedAlert({ message, reloadLabel, onReload }: OutdatedAlertProps) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);

  async function reload(): Promise<void> {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  return (
    <Alert tone="error" title={message}>
      <p>
        <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
          {reloading ? t('common.loading') : reloadLabel}
        </button>
      </p>
    </Alert>
  );
}
