import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { ApiProblemError } from '@/lib/problem';
import { useHealth } from '../api/health-query';

type Tone = 'pending' | 'ok' | 'warning' | 'error';

/** Text-only symbols: the state is always spelled out too, never carried by colour alone. */
const SYMBOLS: Record<Tone, string> = {
  pending: '…',
  ok: '✓',
  warning: '!',
  error: '✕',
};

/** Shows whether the API and its database answer, as text with a symbol and colour as extras. */
export function HealthStatus() {
  const { t, i18n } = useTranslation();
  const health = useHealth();

  let tone: Tone;
  let label: string;
  let detail: string | undefined;

  if (health.isPending) {
    tone = 'pending';
    label = t('health.loading');
  } else if (health.isError) {
    tone = 'error';
    label = t('health.error');
    const problemTitle = health.error instanceof ApiProblemError ? health.error.problem?.title : undefined;
    detail = problemTitle === undefined ? t('health.networkError') : t('health.problemTitle', { title: problemTitle });
  } else if (health.data.kind === 'up') {
    tone = 'ok';
    label = t('health.up');
  } else {
    tone = 'warning';
    label = t('health.databaseDown');
    detail = t('health.databaseDownHelp');
  }

  const checkedAt = Math.max(health.dataUpdatedAt, health.errorUpdatedAt);

  return (
    <div className="health-status" data-tone={tone}>
      <div className="health-status__message" role="status" aria-live="polite">
        <span className="health-status__symbol" aria-hidden="true">
          {SYMBOLS[tone]}
        </span>
        <div>
          <p className="health-status__label">{label}</p>
          {detail !== undefined && <p className="health-status__detail">{detail}</p>}
          {!health.isPending && checkedAt > 0 && (
            <p className="health-status__time">
              {t('health.checkedAt', { time: formatDateTime(checkedAt, i18n.language) })}
            </p>
          )}
        </div>
      </div>
      {!health.isPending && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void health.refetch()}
          disabled={health.isFetching}
        >
          {health.isFetching ? t('health.retrying') : t('health.retry')}
        </button>
      )}
    </div>
  );
}
