import { useTranslation } from 'react-i18next';
import { CentralDashboard } from '@/features/indicators/components/central-dashboard';
import { addIndicatorTranslations } from '@/i18n/indicators';
import { isCentral } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /central: the support point's dashboard (analysts and platform admins); the filters are in the address. */
export function CentralPage() {
  const { i18n } = useTranslation();
  // The dashboards' texts come with this (lazily loaded) page.
  addIndicatorTranslations(i18n);
  const me = useCurrentUser();
  if (!isCentral(me)) return <ForbiddenPage />;
  return <CentralDashboard />;
}
