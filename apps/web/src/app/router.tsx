import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './routes/root-layout';
import { PageLoading } from './routes/page-loading';
import { RequireSession } from './routes/require-session';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * The route tree. The shell (root layout) and the session guard are in the entry chunk; every page
 * and every area (region, admin, central, partner) is its own lazily loaded chunk so the first
 * download stays small. A fresh tree per router: the router marks lazy routes as loaded on the
 * objects it is given, so two routers must not share them.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      Component: RootLayout,
      children: [
        {
          // Pathless layout route: errors of a page render inside the shell, not instead of it.
          ErrorBoundary: RouteErrorPage,
          // Keeps the shell on screen while the first page's chunk downloads.
          HydrateFallback: PageLoading,
          children: [
            {
              path: 'login',
              lazy: { Component: async () => (await import('./routes/login-page')).LoginPage },
            },
            {
              path: 'set-password',
              lazy: { Component: async () => (await import('./routes/set-password-page')).SetPasswordPage },
            },
            {
              // Everything below needs a session.
              Component: RequireSession,
              children: [
                {
                  index: true,
                  lazy: { Component: async () => (await import('./routes/home-page')).HomePage },
                },
                {
                  path: 'regions/:region',
                  lazy: { Component: async () => (await import('./routes/region-layout')).RegionLayout },
                  children: [
                    {
                      index: true,
                      lazy: {
                        Component: async () => (await import('./routes/region-overview-page')).RegionOverviewPage,
                      },
                    },
                    {
                      path: 'users',
                      lazy: { Component: async () => (await import('./routes/region-users-page')).RegionUsersPage },
                    },
                    {
                      path: 'dashboard',
                      lazy: {
                        Component: async () => (await import('./routes/region-dashboard-page')).RegionDashboardPage,
                      },
                    },
                    {
                      path: 'data-protection',
                      lazy: {
                        Component: async () =>
                          (await import('./routes/region-data-protection-page')).RegionDataProtectionPage,
                      },
                    },
                    {
                      path: 'caseload',
                      lazy: { Component: async () => (await import('./routes/caseload-page')).CaseloadPage },
                    },
                    {
                      path: 'learners',
                      lazy: { Component: async () => (await import('./routes/learners-page')).LearnersPage },
                    },
                    {
                      path: 'learners/new',
                      lazy: { Component: async () => (await import('./routes/new-learner-page')).NewLearnerPage },
                    },
                    {
                      path: 'learners/:learnerId',
                      lazy: { Component: async () => (await import('./routes/learner-page')).LearnerPage },
                    },
                    {
                      path: 'referrals',
                      lazy: {
                        Component: async () => (await import('./routes/region-referrals-page')).RegionReferralsPage,
                      },
                    },
                    {
                      path: 'referrals/:referralId',
                      lazy: {
                        Component: async () => (await import('./routes/region-referral-page')).RegionReferralPage,
                      },
                    },
                    {
                      path: 'registrations',
                      lazy: {
                        Component: async () => (await import('./routes/registrations-page')).RegistrationsPage,
                      },
                    },
                    {
                      path: 'cases/:caseId',
                      lazy: { Component: async () => (await import('./routes/case-page')).CasePage },
                    },
                  ],
                },
                {
                  path: 'central',
                  lazy: { Component: async () => (await import('./routes/central-page')).CentralPage },
                },
                {
                  path: 'partner',
                  lazy: { Component: async () => (await import('./routes/partner-page')).PartnerPage },
                },
                {
                  path: 'admin',
                  lazy: { Component: async () => (await import('./routes/admin-layout')).AdminLayout },
                  children: [
                    {
                      index: true,
                      lazy: { Component: async () => (await import('./routes/admin-regions-page')).AdminRegionsPage },
                    },
                    {
                      path: 'users',
                      lazy: { Component: async () => (await import('./routes/admin-users-page')).AdminUsersPage },
                    },
                    {
                      path: 'partners',
                      lazy: {
                        Component: async () => (await import('./routes/admin-partners-page')).AdminPartnersPage,
                      },
                    },
                  ],
                },
              ],
            },
            {
              path: '*',
              lazy: { Component: async () => (await import('./routes/not-found-page')).NotFoundPage },
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(createRoutes());
}
