import type { ComponentProps } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders } from './providers';

type AppProps = Omit<ComponentProps<typeof AppProviders>, 'children'> & {
  router: ComponentProps<typeof RouterProvider>['router'];
};

/** The whole application: providers around the router. */
export function App({ router, ...providers }: AppProps) {
  return (
    <AppProviders {...providers}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
