import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './routes/root-layout';
import { PageLoading } from './routes/page-loading';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * The route tree. The shell (root layout) is in the entry chunk; every page is its own lazily
 * loaded chunk so the first download stays small. A fresh tree per router: the router marks
 * lazy routes as loaded on the objects it is given, so two routers must not share them.
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
              index: true,
              lazy: {
                Component: async () => (await import('./routes/home-page')).HomePage,
              },
            },
            {
              path: '*',
              lazy: {
                Component: async () => (await import('./routes/not-found-page')).NotFoundPage,
              },
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
