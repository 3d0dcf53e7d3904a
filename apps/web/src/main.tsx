import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';
import { meQueryOptions } from '@/features/auth/api/me-query';
import { createI18n } from '@/i18n/setup';
import { apiClient } from '@/lib/api-client';
import { sessionFor } from '@/lib/session';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();

// Resume the session (refresh cookie) and ask who is signed in while the first page's code is still downloading,
// rather than after the first render: two round trips off the start-up path. The layout's own start() is then a no-op.
const session = sessionFor(apiClient);
void session.start().then(() => {
  if (session.getSnapshot().status === 'signed-in') queryClient.query(meQueryOptions(apiClient)).catch(() => undefined);
});

createRoot(container).render(
  <StrictMode>
    <App router={createAppRouter()} queryClient={queryClient} i18n={createI18n()} />
  </StrictMode>,
);
