import { useTranslation } from 'react-i18next';

/** Shown in the main area while the first page's code is still downloading. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status">
      {t('app.loadingPage')}
    </p>
  );
}
