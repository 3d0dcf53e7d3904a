import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/logout-mutation';

interface UserMenuProps {
  displayName: string;
}

/** Who is signed in, and the way out. */
export function UserMenu({ displayName }: UserMenuProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <p className="user-menu__name">
        <span className="visually-hidden">{t('userMenu.signedInAs')} </span>
        {displayName}
      </p>
      <button
        type="button"
        className="header-button"
        disabled={logout.isPending}
        onClick={() => {
          logout.mutate();
        }}
      >
        {t('userMenu.logout')}
      </button>
    </div>
  );
}
