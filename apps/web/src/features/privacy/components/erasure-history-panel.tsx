import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useErasureRequests, type ErasureRequest } from '../api/erasure-requests-query';

interface ErasureHistoryPanelProps {
  region: string;
  currentUserId: string;
}

/**
 * The erasure requests already handled: erased (only the fact remains, under a pseudonym) or cancelled; newest first.
 */
export function ErasureHistoryPanel({ region, currentUserId }: ErasureHistoryPanelProps) {
  const { t, i18n } = useTranslation(['privacy', 'guidance', 'translation']);
  const problemText = useProblemText();
  const requests = useErasureRequests(region);
  const headingId = useId();

  const who = (userId: string | null, name: string | null): string => {
    if (userId === null) return '—';
    return userId === currentUserId ? t('requests.you') : (name ?? t('requests.otherCoordinator'));
  };

  const learnerCell = (request: ErasureRequest) => {
    if (request.status === 'erased') return t('history.erasedLearner', { pseudonym: request.pseudonym });
    const name = request.learnerName ?? t('requests.unknownLearner');
    return request.learnerId === null ? (
      name
    ) : (
      <Link to={`/regions/${region}/learners/${request.learnerId}`}>{name}</Link>
    );
  };

  let body;
  if (requests.isPending) {
    body = <LoadingStatus />;
  } else if (requests.isError) {
    body = <Alert tone="error">{problemText.message(requests.error)}</Alert>;
  } else {
    // Pending requests have their own panel; the pages hold every status, newest first.
    const handled = requests.data.pages.flatMap((page) => page.items).filter((request) => request.status !== 'pending');
    body =
      handled.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <DataTable
          caption={t('history.caption')}
          columns={[
            t('requests.learner'),
            t('translation:common.status'),
            t('requests.ground'),
            t('requests.requestedAt'),
            t('requests.requestedBy'),
            t('history.decidedAt'),
            t('history.decidedBy'),
          ]}
        >
          {handled.map((request) => (
            <tr key={request.id}>
              <th scope="row">{learnerCell(request)}</th>
              <td>{t(`history.status.${request.status}`)}</td>
              <td>{t(`guidance:erasure.grounds.${request.ground}`)}</td>
              <td>{formatShortDate(request.requestedAt, i18n.language)}</td>
              <td>{who(request.requestedBy, request.requestedByName)}</td>
              <td>{request.decidedAt === null ? '—' : formatShortDate(request.decidedAt, i18n.language)}</td>
              <td>{who(request.decidedBy, request.decidedByName)}</td>
            </tr>
          ))}
        </DataTable>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('history.title')}</h3>
      {body}
      <LoadMoreButton list={requests} />
    </section>
  );
}
