import { useTranslation } from 'react-i18next';
import { CopyField } from '@/components/ui/copy-field';
import { NoticePanel } from '@/components/ui/notice-panel';
import type { PartnerClientSecret } from '../api/partner-clients-query';

interface ClientSecretNoticeProps {
  secret: PartnerClientSecret;
  onDismiss: () => void;
}

/** The client secret, shown this once, with copy buttons and a clear warning. */
export function ClientSecretNotice({ secret, onDismiss }: ClientSecretNoticeProps) {
  const { t } = useTranslation();
  const copy = { copy: t('copy.copy'), copied: t('copy.copied'), copyFailed: t('copy.failed') };
  return (
    <NoticePanel tone="warning" title={t('clients.secretTitle', { name: secret.client.name })}>
      <p>
        <strong>{t('clients.secretWarning')}</strong>
      </p>
      <p>{t('clients.secretHowTo')}</p>
      <CopyField value={secret.client.clientId} labels={{ ...copy, field: t('clients.clientId') }} />
      <CopyField value={secret.clientSecret} labels={{ ...copy, field: t('clients.clientSecret') }} />
      <p>
        <button type="button" className="button" onClick={onDismiss}>
          {t('clients.secretDismiss')}
        </button>
      </p>
    </NoticePanel>
  );
}
