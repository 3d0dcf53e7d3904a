import { useTranslation } from 'react-i18next';
import { useCodeLists } from '@/lib/code-lists';
import { formatShortDate } from '@/lib/format';
import type { PartnerReferral } from '../api/partner-referrals-query';

/** What the leerwinkel shared about the person, in plain words; "niet gedeeld" where it chose not to. */
export function PartnerPacket({ packet }: { packet: PartnerReferral['packet'] }) {
  const { t, i18n } = useTranslation('partner');
  const codeLists = useCodeLists();
  const notShared = <span className="muted">{t('packet.notShared')}</span>;
  const learner = packet.learner;
  return (
    <dl className="details">
      <dt>{t('packet.person')}</dt>
      <dd>{learner === null ? notShared : `${learner.firstName} ${learner.lastName}`}</dd>
      <dt>{t('packet.email')}</dt>
      <dd>{learner === null ? notShared : (learner.email ?? t('packet.unknown'))}</dd>
      <dt>{t('packet.phone')}</dt>
      <dd>{learner === null ? notShared : (learner.phone ?? t('packet.unknown'))}</dd>
      <dt>{t('packet.offer')}</dt>
      <dd>{packet.offer === null ? t('packet.noOffer') : packet.offer.name}</dd>
      <dt>{t('packet.learningQuestion')}</dt>
      <dd className="preserve-lines">{packet.learningQuestion ?? notShared}</dd>
      <dt>{t('packet.educationLevel')}</dt>
      <dd>{packet.educationLevel === null ? notShared : codeLists.label('educationLevels', packet.educationLevel)}</dd>
      <dt>{t('packet.dutchLevel')}</dt>
      <dd>{packet.dutchLevel === null ? notShared : codeLists.label('dutchLevels', packet.dutchLevel)}</dd>
      <dt>{t('packet.preferredStart')}</dt>
      <dd>
        {packet.preferredStart === null ? t('packet.noPreference') : formatShortDate(packet.preferredStart, i18n.language)}
      </dd>
      <dt>{t('packet.from')}</dt>
      <dd>{packet.region.name}</dd>
      <dt>{t('packet.counsellor')}</dt>
      <dd>
        {packet.counsellor.name} (<a href={`mailto:${packet.counsellor.email}`}>{packet.counsellor.email}</a>)
      </dd>
    </dl>
  );
}
