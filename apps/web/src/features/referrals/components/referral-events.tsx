import { useTranslation } from 'react-i18next';
import { useCodeLists } from '@/lib/code-lists';
import { formatDateTime, formatShortDate } from '@/lib/format';
import type { ReferralEvent } from '../api/referrals-query';

/** The history of a referral, newest first: each status change, who made it, and its reason, date and note. */
export function ReferralEvents({ events }: { events: readonly ReferralEvent[] }) {
  const { t, i18n } = useTranslation('guidance');
  const codeLists = useCodeLists();
  if (events.length === 0) return <p>{t('referralDetail.noEvents')}</p>;
  const newestFirst = [...events].sort((left, right) => Date.parse(right.at) - Date.parse(left.at));
  return (
    <ol className="timeline" aria-label={t('referralDetail.eventsLabel')}>
      {newestFirst.map((event) => (
        <li key={event.id} className="timeline__item" data-type="transition">
          <p className="timeline__title">
            {event.from === null
              ? t('referralDetail.eventCreated', { status: codeLists.label('referralStatuses', event.to) })
              : t('referralDetail.eventChanged', {
                  from: codeLists.label('referralStatuses', event.from),
                  to: codeLists.label('referralStatuses', event.to),
                })}
          </p>
          <p className="timeline__meta">
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            {' · '}
            {t(`referralDetail.actor.${event.actorKind}`)}
          </p>
          {event.reason !== null && (
            <p>{t('referralDetail.reason', { reason: codeLists.label('declineReasons', event.reason) })}</p>
          )}
          {event.startDate !== null && (
            <p>{t('referralDetail.startDate', { date: formatShortDate(event.startDate, i18n.language) })}</p>
          )}
          {event.note !== null && event.note !== '' && <p className="timeline__note preserve-lines">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}
