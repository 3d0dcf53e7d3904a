import { Link, Outlet, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LayoutShell } from '@/components/ui/layout-shell';
import { SUPPORTED_LANGUAGES, toLanguage } from '@/i18n/setup';

/** The frame around every page, wired to the router and the language. */
export function RootLayout() {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();

  const languages = SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }));

  return (
    <LayoutShell
      skipLinkLabel={t('app.skipToContent')}
      brand={
        <Link to="/" className="brand__link">
          {t('app.name')}
        </Link>
      }
      tagline={t('app.tagline')}
      headerActions={
        <LanguageSwitch
          label={t('language.label')}
          options={languages}
          value={toLanguage(i18n.resolvedLanguage)}
          onChange={(language) => void i18n.changeLanguage(language)}
        />
      }
      footer={<p>{t('app.footer')}</p>}
      busy={navigation.state === 'loading'}
    >
      <Outlet />
    </LayoutShell>
  );
}
