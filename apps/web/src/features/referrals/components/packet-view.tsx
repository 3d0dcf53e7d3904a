import { useTranslation } from 'react-i18next';
import { useCodeLists } from '@/lib/code-lists';
import { formatShortDate } from '@/lib/format';
import type { ReferralPacket } from '../api/referrals-query';

interface PacketViewProps {
  packet: ReferralPacket;
}

/** Exactly what the partner organisation sees of a referral; what was not shared says so in words. */
export function PacketView({ packet }: PacketViewProps) {
  const { t, i18n } = useTranslation('guidance');
  const codeLists = useCodeLists();
  const notShared = <span className="muted">{t('packet.notShared')}</span>;
  const learner = packet.learner;
  return (
    <dl className="details">
      <dt>{t('packet.region')}</dt>
      <dd>{packet.region.name}</dd>
      <dt>{t('packet.offer')}</dt>
      <dd>{packet.offer === null ? t('packet.noOffer') : packet.offer.name}</dd>
      <dt>{t('packet.learner')}</dt>
      <dd>{learner === null ? notShared : `${learner.firstName} ${learner.lastName}`}</dd>
      <dt>{t('packet.email')}</dt>
      <dd>{learner === null ? notShared : (learner.email ?? t('packet.unknown'))}</dd>
      <dt>{t('packet.phone')}</dt>
      <dd>{learner === null ? notShared : (learner.phone ?? t('packet.unknown'))}</dd>
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
      <dt>{t('packet.counsellor')}</dt>
      <dd>{`${packet.counsellor.name} (${packet.counsellor.email})`}</dd>
    </dl>
  );
}
