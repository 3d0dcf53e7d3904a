import { useTranslation } from 'react-i18next';
import { useCataloguePartner } from '../api/catalogue-partner-query';

/** A partner's name from the catalogue (referrals only carry the id); a neutral word while it loads. */
export function PartnerName({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('guidance');
  const partner = useCataloguePartner(partnerId);
  if (partner.data !== undefined) return <>{partner.data.name}</>;
  return <span className="muted">{partner.isError ? t('referrals.unknownPartner') : t('referrals.partnerLoading')}</span>;
}
