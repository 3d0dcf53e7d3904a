import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/features/auth/api/me-query';
import { areasOf } from '../access';

/** Links to the areas of a user who can reach more than one (e.g. a region and the admin pages). */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const areas = areasOf(me);
  if (areas.length < 2) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {areas.map((area) => (
          <li key={area.key}>
            <NavLink to={area.to} className="main-nav__link">
              {t(`nav.${area.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
