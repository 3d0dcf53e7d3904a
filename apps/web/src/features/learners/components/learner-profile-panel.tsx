import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { ExplainedButton } from '@/components/ui/explained-button';
import { useCodeLists } from '@/lib/code-lists';
import { formatDateTime, formatShortDate } from '@/lib/format';
import type { Learner } from '../api/learner-query';
import { InszReveal } from './insz-reveal';
import { LearnerEditForm } from './learner-edit-form';
import { useLanguageName } from './use-language-name';

interface LearnerProfilePanelProps {
  region: string;
  learner: Learner;
  /** Whether the region records the INSZ (the edit form then has the field). */
  inszEnabled: boolean;
  /** Reads the learner again (after someone else changed it). */
  onReload: () => Promise<unknown>;
  /** Why the record cannot be changed now (restricted, anonymised); the edit button is then disabled. */
  readOnlyReason?: string | undefined;
}

/** The learner's record, read-only with an edit button, or the edit form. */
export function LearnerProfilePanel({
  region,
  learner,
  inszEnabled,
  onReload,
  readOnlyReason,
}: LearnerProfilePanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const languageName = useLanguageName();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const notGiven = t('learnerProfile.notGiven');

  function close(changed: boolean): void {
    setEditing(false);
    setSaved(changed);
    // Back to where the user started, now that the form is gone.
    setTimeout(() => editButton.current?.focus(), 0);
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('learnerProfile.title')}</h3>
      {editing && readOnlyReason === undefined ? (
        <LearnerEditForm
          region={region}
          learner={learner}
          inszEnabled={inszEnabled}
          onReload={onReload}
          onDone={close}
        />
      ) : (
        <>
          {saved && <Alert tone="success">{t('learnerProfile.saved')}</Alert>}
          <dl className="details">
            <dt>{t('learnerFields.firstName')}</dt>
            <dd>{learner.firstName}</dd>
            <dt>{t('learnerFields.lastName')}</dt>
            <dd>{learner.lastName}</dd>
            <dt>{t('learnerFields.dateOfBirth')}</dt>
            <dd>{formatShortDate(learner.dateOfBirth, i18n.language)}</dd>
            <dt>{t('learnerFields.gender')}</dt>
            <dd>{codeLists.label('genders', learner.gender)}</dd>
            <dt>{t('learnerFields.insz')}</dt>
            <dd>
              {learner.inszMasked === null ? (
                notGiven
              ) : (
                <InszReveal region={region} learnerId={learner.id} masked={learner.inszMasked} />
              )}
            </dd>
            <dt>{t('learnerFields.email')}</dt>
            <dd>{learner.email ?? notGiven}</dd>
            <dt>{t('learnerFields.phone')}</dt>
            <dd>{learner.phone ?? notGiven}</dd>
            <dt>{t('learnerFields.postalCode')}</dt>
            <dd>{learner.postalCode ?? notGiven}</dd>
            <dt>{t('learnerFields.municipality')}</dt>
            <dd>{learner.municipality ?? notGiven}</dd>
            <dt>{t('learnerFields.nativeLanguage')}</dt>
            <dd>{languageName(learner.nativeLanguage)}</dd>
            <dt>{t('learnerFields.dutchLevel')}</dt>
            <dd>{codeLists.label('dutchLevels', learner.dutchLevel)}</dd>
            <dt>{t('learnerFields.educationLevel')}</dt>
            <dd>{codeLists.label('educationLevels', learner.educationLevel)}</dd>
            <dt>{t('learnerFields.employmentStatus')}</dt>
            <dd>{codeLists.label('employmentStatuses', learner.employmentStatus)}</dd>
            <dt>{t('learnerFields.targetGroups')}</dt>
            <dd>
              {learner.targetGroups.length === 0
                ? t('translation:common.none')
                : learner.targetGroups.map((group) => codeLists.label('targetGroups', group)).join(', ')}
            </dd>
            <dt>{t('learnerFields.referralSource')}</dt>
            <dd>{codeLists.label('referralSources', learner.referralSource)}</dd>
            <dt>{t('learnerProfile.updatedAt')}</dt>
            <dd>{formatDateTime(learner.updatedAt, i18n.language)}</dd>
          </dl>
          <ExplainedButton
            ref={editButton}
            className="button button--secondary"
            unavailableReason={readOnlyReason}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('learnerProfile.edit')}
          </ExplainedButton>
        </>
      )}
    </section>
  );
}
