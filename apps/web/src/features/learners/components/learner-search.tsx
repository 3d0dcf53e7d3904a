import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';
import { TextField } from '@/components/ui/text-field';
import { useCodeLists } from '@/lib/code-lists';
import { isCalendarDate } from '@/lib/dates';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useLearners, type LearnerFilters } from '../api/learners-query';

/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 300;

/**
 * Search by name (tolerant: accents, case, small typos) and date of birth. The search is kept in
 * the address (?q=&dateOfBirth=), so going back to the list shows the same results.
 */
export function LearnerSearch({ region }: { region: string }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const [params, setParams] = useSearchParams();
  const [name, setName] = useState(() => params.get('q') ?? '');
  const [dateOfBirth, setDateOfBirth] = useState(() => params.get('dateOfBirth') ?? '');
  const captionId = useId();

  const query = useDebouncedValue(name.trim(), SEARCH_DELAY_MS);
  const filters: LearnerFilters = {};
  if (query !== '') filters.q = query;
  // Only a complete, real date filters (the date input gives '' while it is incomplete).
  if (isCalendarDate(dateOfBirth)) filters.dateOfBirth = dateOfBirth;
  const learners = useLearners(region, filters);

  // Keep the search in the address (replacing the entry), so "back" from a learner shows it again.
  const q = filters.q ?? '';
  const born = filters.dateOfBirth ?? '';
  useEffect(() => {
    if ((params.get('q') ?? '') === q && (params.get('dateOfBirth') ?? '') === born) return;
    const next = new URLSearchParams();
    if (q !== '') next.set('q', q);
    if (born !== '') next.set('dateOfBirth', born);
    setParams(next, { replace: true });
  }, [q, born, params, setParams]);

  const searching = filters.q !== undefined || filters.dateOfBirth !== undefined;

  let results;
  if (learners.isPending) {
    results = <LoadingStatus />;
  } else if (learners.isError) {
    results = <Alert tone="error">{problemText.message(learners.error)}</Alert>;
  } else {
    const rows = learners.data.pages.flatMap((page) => page.items);
    results = (
      <>
        <p role="status" className="muted">
          {rows.length === 0
            ? searching
              ? t('learnerSearch.noResults')
              : t('learnerSearch.noLearners')
            : t('learnerSearch.shown', { count: rows.length })}
        </p>
        {rows.length > 0 && (
          <TableScroll label={searching ? t('learnerSearch.captionResults') : t('learnerSearch.captionAll')}>
            <table className="table" aria-describedby={captionId}>
              <caption id={captionId} className="table__caption">
                {searching ? t('learnerSearch.captionResults') : t('learnerSearch.captionAll')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('learnerSearch.name')}</th>
                  <th scope="col">{t('learnerFields.dateOfBirth')}</th>
                  <th scope="col">{t('learnerFields.municipality')}</th>
                  <th scope="col">{t('learnerSearch.latestCase')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((learner) => (
                  <tr key={learner.id}>
                    <th scope="row">
                      <Link to={`/regions/${region}/learners/${learner.id}`}>
                        {`${learner.lastName}, ${learner.firstName}`}
                      </Link>
                    </th>
                    <td>{formatShortDate(learner.dateOfBirth, i18n.language)}</td>
                    <td>{learner.municipality ?? '—'}</td>
                    <td>
                      {learner.latestCaseStatus === null
                        ? t('learnerSearch.noCase')
                        : codeLists.label('caseStatuses', learner.latestCaseStatus)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <LoadMoreButton list={learners} />
      </>
    );
  }

  return (
    <>
      <search className="search-form">
        <form
          className="form form--inline"
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <TextField
            label={t('learnerSearch.nameLabel')}
            type="search"
            autoComplete="off"
            maxLength={100}
            hint={t('learnerSearch.nameHint')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
          <TextField
            label={t('learnerFields.dateOfBirth')}
            type="date"
            value={dateOfBirth}
            onChange={(event) => {
              setDateOfBirth(event.target.value);
            }}
          />
        </form>
      </search>
      <div aria-busy={learners.isFetching}>{results}</div>
    </>
  );
}
