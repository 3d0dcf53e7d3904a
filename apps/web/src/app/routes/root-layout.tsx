import { useEffect, useId, useRef } from 'react';
import { Link, Outlet, useLocation, useMatch, useNavigation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LayoutShell, MAIN_CONTENT_ID } from '@/components/ui/layout-shell';
import { PAGE_HEADING_SELECTOR } from '@/components/ui/page-heading';
import { useMe } from '@/features/auth/api/me-query';
import { RegionSwitcher } from '@/features/auth/components/region-switcher';
import { UserMenu } from '@/features/auth/components/user-menu';
import { HealthStatus } from '@/features/health/components/health-status';
import { SUPPORTED_LANGUAGES, toLanguage } from '@/i18n/setup';
import { useSession, useSessionState } from '@/lib/use-session';
import { MainNav } from './main-nav';
import { PageLoading } from './page-loading';

/**
 * Moves the focus after each client-side navigation (not on first load): to the new page's heading
 * when it has one (see PageHeading), else to the main landmark; the window scrolls back to the top.
 */
function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById(MAIN_CONTENT_ID);
    const heading = main?.querySelector<HTMLElement>(PAGE_HEADING_SELECTOR);
    // A new page starts at the top, header in view; focusing must not scroll the (at least screen-high) main area
    // to the top of the window instead.
    (heading ?? main)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
}

/** The frame around every page, wired to the router, the session and the language. */
export function RootLayout() {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const session = useSession();
  const sessionState = useSessionState();
  const queryClient = useQueryClient();
  const signedIn = sessionState.status === 'signed-in';
  const me = useMe({ enabled: signedIn });
  const regionMatch = useMatch('/regions/:region/*');
  const statusHeadingId = useId();

  // Resume the session from the refresh cookie, once per app start.
  useEffect(() => {
    void session.start();
  }, [session]);

  // Signing out takes every cached answer with it. An expired session keeps them while the page asks the same
  // account to sign in again (see RequireSession), so nothing typed into the page is lost.
  useEffect(
    () =>
      session.onEnd((reason) => {
        if (reason === 'signed-out') queryClient.clear();
      }),
    [session, queryClient],
  );

  useFocusMainOnNavigation();

  const languages = SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }));
  const expired = sessionState.status === 'signed-out' && sessionState.reason === 'expired';
  const user = signedIn || expired ? me.data : undefined;

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
      headerNav={
        user && (
          <div className="header-actions">
            <MainNav me={user} />
            <RegionSwitcher memberships={user.memberships} currentRegion={regionMatch?.params.region} />
            <UserMenu displayName={user.displayName} />
          </div>
        )
      }
      footer={
        <>
          <section className="footer-status" aria-labelledby={statusHeadingId}>
            <h2 id={statusHeadingId} className="footer-status__heading">
              {t('home.statusHeading')}
            </h2>
            <HealthStatus />
          </section>
          <p>{t('app.footer')}</p>
        </>
      }
      busy={navigation.state === 'loading'}
      settling={sessionState.status === 'unknown' || (signedIn && me.isPending)}
      status={<PageLoading />}
    >
      <Outlet />
    </LayoutShell>
  );
}
