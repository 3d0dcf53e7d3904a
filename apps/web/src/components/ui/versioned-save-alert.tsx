import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOutdatedVersion } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { Alert } from './alert';

interface VersionedSaveAlertProps {
  /** The failed save's error; null when the last save did not fail. */
  error: Error | null;
  /** The form has just taken on a newer version (after a reload). */
  rebased: boolean;
  labels: { reload: string; reloaded: string };
  /** Reads the newest version (and clears the failed save); the button is disabled until it settles. */
  onReload: () => Promise<unknown>;
}

/**
 * What an edit form with a `version` says about saving: "someone else saved first" with a button that loads the
 * newest version, that the newest version is loaded, or why the save failed.
 */
export function VersionedSaveAlert({ error, rebased, labels, onReload }: VersionedSaveAlertProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [reloading, setReloading] = useState(false);

  async function reload(): Promise<void> {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  if (error === null) return rebased ? <Alert tone="info">{labels.reloaded}</Alert> : null;
  if (!isOutdatedVersion(error)) return <Alert tone="error">{problemText.message(error)}</Alert>;
  return (
    <Alert tone="error" title={problemText.message(error)}>
      <p>
        <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
          {reloading ? t('common.loading') : labels.reload}
        </button>
      </p>
    </Alert>
  );
}
