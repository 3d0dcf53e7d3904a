import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';
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
          <TableScroll label={t('accessLog.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('accessLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.who')}</th>
                  <th scope="col">{t('accessLog.when')}</th>
                  <th scope="col">{t('accessLog.parts')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.userName ?? t('accessLog.unknownUser')}</th>
                    <td>{formatDateTime(entry.accessedAt, i18n.language)}</td>
                    <td>{entry.parts.map((part) => (isPart(part) ? t(`accessLog.part.${part}`) : part)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
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
