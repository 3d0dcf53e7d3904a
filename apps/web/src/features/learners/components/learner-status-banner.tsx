import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '@/lib/format';
import type { Learner } from '../api/learner-query';

/**
 * At the top of the learner page: the learner was anonymised, or processing is restricted (since, reason). A named
 * region rather than an alert: it describes the record's state, it is not news, so it is not announced by itself.
 */
export function LearnerStatusBanner({ learner }: { learner: Learner }) {
  const { t, i18n } = useTranslation('guidance');
  const anonymisedId = useId();
  const restrictedId = useId();

  return (
    <>
      {learner.anonymisedAt !== null && (
        <section className="alert" data-tone="warning" aria-labelledby={anonymisedId}>
          <h3 id={anonymisedId} className="alert__title">
            {t('learnerStatus.anonymisedTitle')}
          </h3>
          <p>{t('learnerStatus.anonymisedText', { date: formatShortDate(learner.anonymisedAt, i18n.language) })}</p>
        </section>
      )}
      {learner.restriction !== null && (
        <section className="alert" data-tone="warning" aria-labelledby={restrictedId}>
          <h3 id={restrictedId} className="alert__title">
            {t('learnerStatus.restrictedTitle')}
          </h3>
          <p>
            {t('learnerStatus.restrictedSince', { date: formatShortDate(learner.restriction.since, i18n.language) })}{' '}
            {t('learnerStatus.restrictedReason', { reason: learner.restriction.reason })}
          </p>
          <p>{t('learnerStatus.restrictedExplain')}</p>
        </section>
      )}
    </>
  );
}
