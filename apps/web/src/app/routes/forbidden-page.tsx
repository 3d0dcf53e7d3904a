import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface ForbiddenPageProps {
  /** 2 inside an area that already has its own h1 (e.g. a region's users page). */
  headingLevel?: 1 | 2;
}

/** Shown instead of a page the user's role does not give access to (403). */
export function ForbiddenPage({ headingLevel = 1 }: ForbiddenPageProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <article className="page">
      <title>{t('forbidden.documentTitle')}</title>
      <Heading>{t('forbidden.title')}</Heading>
      <p>{t('forbidden.body')}</p>
      <p>
        <Link to="/">{t('forbidden.backHome')}</Link>
      </p>
    </article>
  );
}
