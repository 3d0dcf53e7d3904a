import { useTranslation } from 'react-i18next';
import { useProblemText } from '@/lib/problem-messages';
import { Alert } from './alert';

/** "Bezig met laden…", announced politely while a query reads for the first time. */
export function LoadingStatus() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/** Why a read failed, in plain language, with a "try again" button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <Alert tone="error">
      <p>{problemText.message(error)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Alert>
  );
}

/** What "load more" needs of an infinite query. */
interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * "Meer laden" under a list read page by page: there while a next page exists, disabled while it loads. `label`
 * names what comes next where "Meer laden" alone would be vague (more search results).
 */
export function LoadMoreButton({ list, label }: { list: PagedList; label?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <p>
      <button
        type="button"
        className="button button--secondary"
        disabled={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {list.isFetchingNextPage ? t('common.loadingMore') : (label ?? t('common.loadMore'))}
      </button>
    </p>
  );
}
