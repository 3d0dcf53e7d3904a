import { useTranslation } from 'react-i18next';
import { isCentral } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /central: the support point's area (analysts and platform admins). A placeholder for now. */
export function CentralPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!isCentral(me)) return <ForbiddenPage />;
  return (
    <article className="page">
      <title>{t('central.documentTitle')}</title>
      <h1>{t('central.title')}</h1>
      <p className="page__lead">{t('central.placeholder')}</p>
    </article>
  );
}
