import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeListName } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { useCodeLists } from '@/lib/code-lists';
import { formatDateTime, formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useLearnerHistory, type LearnerHistoryEntry } from '../api/learner-history-query';
import { useLanguageName } from './use-language-name';

/** The learner fields a correction can touch, with their label under `learnerFields`. */
const LEARNER_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'postalCode',
  'municipality',
  'nativeLanguage',
  'dutchLevel',
  'educationLevel',
  'employmentStatus',
  'targetGroups',
  'referralSource',
  'insz',
] as const;
type LearnerField = (typeof LEARNER_FIELDS)[number];

/** Fields whose values are codes of a shared code list. */
const CODED: Partial<Record<LearnerField, CodeListName>> = {
  gender: 'genders',
  dutchLevel: 'dutchLevels',
  educationLevel: 'educationLevels',
  employmentStatus: 'employmentStatuses',
  targetGroups: 'targetGroups',
  referralSource: 'referralSources',
};

function isLearnerField(field: string): field is LearnerField {
  return (LEARNER_FIELDS as readonly string[]).includes(field);
}

/**
 * "Historiek van verbeteringen": every correction of the learner's data (rectification, GDPR Art. 16) with the old
 * and the new value in plain words, who made it and when; newest first.
 */
export function LearnerHistoryPanel({ region, learnerId }: { region: string; learnerId: string }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const languageName = useLanguageName();
  const history = useLearnerHistory(region, learnerId);
  const headingId = useId();

  const fieldLabel = (field: string): string => {
    if (field === 'restriction') return t('history.restriction');
    return isLearnerField(field) ? t(`learnerFields.${field}`) : field;
  };

  const valueText = (entry: LearnerHistoryEntry, side: 'old' | 'new'): string => {
    const { field } = entry;
    const value = side === 'old' ? entry.oldValue : entry.newValue;
    // The INSZ is never in the history in clear: only that there was one, and that it changed.
    if (field === 'insz') {
      if (value === null) return t('history.inszNone');
      return side === 'old' ? t('history.inszRecorded') : t('history.inszChanged');
    }
    if (field === 'restriction') return value ?? t('history.notRestricted');
    if (value === null || value === '') return t('history.emptyValue');
    if (field === 'dateOfBirth') return formatShortDate(value, i18n.language);
    if (field === 'nativeLanguage') return languageName(value);
    const list = isLearnerField(field) ? CODED[field] : undefined;
    if (list === undefined) return value;
    return value
      .split(',')
      .map((code) => codeLists.label(list, code))
      .join(', ');
  };

  let body;
  if (history.isPending) {
    body = <LoadingStatus />;
  } else if (history.isError) {
    body = <Alert tone="error">{problemText.message(history.error)}</Alert>;
  } else if (history.data.pages.every((page) => page.items.length === 0)) {
    body = <p>{t('history.empty')}</p>;
  } else {
    const rows = history.data.pages.flatMap((page) => page.items);
    body = (
      <DataTable
        caption={t('history.caption')}
        columns={[
          t('history.field'),
          t('history.oldValue'),
          t('history.newValue'),
          t('history.who'),
          t('history.when'),
        ]}
      >
        {rows.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{fieldLabel(entry.field)}</th>
            <td className="preserve-lines">{valueText(entry, 'old')}</td>
            <td className="preserve-lines">{valueText(entry, 'new')}</td>
            <td>{entry.changedByName ?? t('history.unknownUser')}</td>
            <td>{formatDateTime(entry.changedAt, i18n.language)}</td>
          </tr>
        ))}
      </DataTable>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('history.title')}</h3>
      <p className="muted">{t('history.intro')}</p>
      {body}
      <LoadMoreButton list={history} />
    </section>
  );
}
