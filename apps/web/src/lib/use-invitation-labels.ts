import { useTranslation } from 'react-i18next';
import type { InvitationNoticeLabels } from '@/components/ui/invitation-notice';
import { formatDateTime } from './format';

/** The texts of an invitation result, with the expiry in Belgian format. */
export function useInvitationLabels(expiresAt: string | null | undefined): InvitationNoticeLabels {
  const { t, i18n } = useTranslation();
  return {
    title: t('invitation.title'),
    explanation: t('invitation.explanation'),
    expiry:
      expiresAt === null || expiresAt === undefined
        ? undefined
        : t('invitation.expiry', { time: formatDateTime(expiresAt, i18n.language) }),
    noLinkNeeded: t('invitation.noLinkNeeded'),
    dismiss: t('invitation.dismiss'),
    copy: {
      field: t('invitation.link'),
      copy: t('copy.copy'),
      copied: t('copy.copied'),
      copyFailed: t('copy.failed'),
    },
  };
}
