import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useAccessLog } from '../api/access-log-query';

const PARTS = ['profile', 'insz', 'consents', 'case'] as const;
type Part = (typeof PARTS)[number];

function isPart(value: string): value is Part {
  return (PARTS as readonly string[]).includes(value);
}

/** Who read this learner's record, when and which parts (only rendered for coordinators). */
export function AccessLogPanel({ region, learnerId }: { region: string; learnerId: string }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const log = useAccessLog(region, learnerId);
  const headingId = useId();

  let body;
  if (log.isPending) {
    body = <LoadingStatus />;
  } else if (log.isError) {
    body = <Alert tone="error">{problemText.message(log.error)}</Alert>;
  } else {
    const rows = log.data.pages.flatMap((page) => page.items);
    body =
      rows.length === 0 ? (
        <p>{t('accessLog.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('accessLog.caption')}
            columns={[t('accessLog.who'), t('accessLog.when'), t('accessLog.parts')]}
          >
            {rows.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.userName ?? t('accessLog.unknownUser')}</th>
                <td>{formatDateTime(entry.accessedAt, i18n.language)}</td>
                <td>{entry.parts.map((part) => (isPart(part) ? t(`accessLog.part.${part}`) : part)).join(', ')}</td>
              </tr>
            ))}
          </DataTable>
          <LoadMoreButton list={log} />
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('accessLog.title')}</h3>
      <p className="muted">{t('accessLog.intro')}</p>
      {body}
    </section>
  );
}
