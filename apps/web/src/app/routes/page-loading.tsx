import { useTranslation } from 'react-i18next';

/**
 * Shown while a page's code, the session or the signed-in user is still loading: a thin bar fixed at the top
 * of the window (it takes no room, so nothing moves when the page arrives) and the words for screen readers.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      <span className="page-loading__bar" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loadingPage')}</span>
    </div>
  );
}
