import { useTranslation } from 'react-i18next';
import { CreatePartnerForm } from '@/features/partners/components/create-partner-form';
import { PartnersPanel } from '@/features/partners/components/partners-panel';

export function AdminPartnersPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('admin.partnersDocumentTitle')}</title>
      <PartnersPanel />
      <CreatePartnerForm />
    </>
  );
}
