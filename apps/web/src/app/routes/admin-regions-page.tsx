import { useTranslation } from 'react-i18next';
import { CreateRegionForm } from '@/features/admin-regions/components/create-region-form';
import { RegionsAdminPanel } from '@/features/admin-regions/components/regions-admin-panel';

export function AdminRegionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('admin.regionsDocumentTitle')}</title>
      <RegionsAdminPanel />
      <CreateRegionForm />
    </>
  );
}
