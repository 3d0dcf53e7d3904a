import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { homePathFor } from '../access';
import { useCurrentUser } from './current-user';

/** "/": sends the user to their area; explains when their account has access to nothing yet. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const target = homePathFor(me);
  if (target !== null) return <Navigate to={target} replace />;

  return (
    <article className="page">
      <title>{t('home.documentTitle')}</title>
      <h1>{t('home.title', { name: me.displayName })}</h1>
      <p className="page__lead">{t('home.intro')}</p>
      <p>{t('home.noAccess')}</p>
    </article>
  );
}
