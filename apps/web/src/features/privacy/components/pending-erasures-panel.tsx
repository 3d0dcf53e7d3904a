import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
import { contextLabel } from '@/lib/context-label';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useCancelErasure } from '../api/cancel-erasure-mutation';
import { useConfirmErasure } from '../api/confirm-erasure-mutation';
import { useErasureRequests, type ErasureRequest } from '../api/erasure-requests-query';

interface PendingErasuresPanelProps {
  region: string;
  /** The signed-in coordinator: they cannot confirm their own request (four eyes). */
  currentUserId: string;
}

type Decision = { requestId: string; action: 'confirm' | 'cancel' };
type Outcome = { action: 'confirm' | 'cancel'; name: string };

/**
 * The erasure requests waiting for a second coordinator: "Bevestigen" erases the learner for good (never for the
 * coordinator who asked: four eyes), "Annuleren" drops the request; both only after a confirmation.
 */
export function PendingErasuresPanel({ region, currentUserId }: PendingErasuresPanelProps) {
  const { t, i18n } = useTranslation(['privacy', 'guidance', 'translation']);
  const problemText = useProblemText();
  const pending = useErasureRequests(region, 'pending');
  const confirm = useConfirmErasure(region);
  const cancel = useCancelErasure(region);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = confirm.isPending || cancel.isPending;

  const nameOf = (request: ErasureRequest): string => request.learnerName ?? t('requests.unknownLearner');
  const ownRequestId = (request: ErasureRequest): string => `own-${request.id}`;

  function decide(request: ErasureRequest, action: Decision['action']): void {
    const mutation = action === 'confirm' ? confirm : cancel;
    const name = nameOf(request);
    mutation.mutate(request.id, {
      onSuccess: () => {
        setOutcome({ action, name });
      },
      onSettled: () => {
        setDeciding(null);
        // The row's buttons go away (or change): the focus goes back to the top of the section.
        setTimeout(() => headingRef.current?.focus(), 0);
      },
    });
  }

  function start(decision: Decision): void {
    confirm.reset();
    cancel.reset();
    setOutcome(null);
    setDeciding(decision);
  }

  let body;
  if (pending.isPending) {
    body = <LoadingStatus />;
  } else if (pending.isError) {
    body = <Alert tone="error">{problemText.message(pending.error)}</Alert>;
  } else if (pending.data.pages.every((page) => page.items.length === 0)) {
    body = <p>{t('pending.empty')}</p>;
  } else {
    body = (
      <DataTable
        caption={t('pending.caption')}
        columns={[
          t('requests.learner'),
          t('requests.ground'),
          t('requests.note'),
          t('requests.requestedBy'),
          t('requests.requestedAt'),
          t('translation:common.actions'),
        ]}
      >
        {pending.data.pages
          .flatMap((page) => page.items)
          .map((request) => {
            const name = nameOf(request);
            const mine = request.requestedBy === currentUserId;
            const current = deciding?.requestId === request.id ? deciding.action : null;
            return (
              <tr key={request.id}>
                <th scope="row">
                  {request.learnerId === null ? (
                    name
                  ) : (
                    <Link to={`/regions/${region}/learners/${request.learnerId}`}>{name}</Link>
                  )}
                </th>
                <td>{t(`guidance:erasure.grounds.${request.ground}`)}</td>
                <td className="preserve-lines">{request.note ?? '—'}</td>
                <td>{mine ? t('requests.you') : (request.requestedByName ?? t('requests.otherCoordinator'))}</td>
                <td>{formatShortDate(request.requestedAt, i18n.language)}</td>
                <td>
                  {current === null ? (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={mine || busy}
                        aria-label={contextLabel(t('pending.confirm'), name)}
                        aria-describedby={mine ? ownRequestId(request) : undefined}
                        onClick={() => {
                          start({ requestId: request.id, action: 'confirm' });
                        }}
                      >
                        {t('pending.confirm')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy}
                        aria-label={contextLabel(t('pending.cancel'), name)}
                        onClick={() => {
                          start({ requestId: request.id, action: 'cancel' });
                        }}
                      >
                        {t('pending.cancel')}
                      </button>
                      {mine && (
                        <p id={ownRequestId(request)} className="field__hint">
                          {t('pending.ownRequest')}
                        </p>
                      )}
                    </div>
                  ) : (
                    <div
                      className="row-actions"
                      role="group"
                      aria-label={contextLabel(
                        current === 'confirm' ? t('pending.confirmLabel') : t('pending.cancelLabel'),
                        name,
                      )}
                    >
                      <span>
                        {current === 'confirm'
                          ? t('pending.confirmQuestion', { name })
                          : t('pending.cancelQuestion', { name })}
                      </span>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        onClick={() => {
                          decide(request, current);
                        }}
                      >
                        {busy
                          ? t('pending.busy')
                          : current === 'confirm'
                            ? t('pending.confirmYes')
                            : t('pending.cancelYes')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy}
                        onClick={() => {
                          setDeciding(null);
                        }}
                      >
                        {t('pending.back')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
      </DataTable>
    );
  }

  const failed = confirm.isError ? confirm.error : cancel.isError ? cancel.error : null;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('pending.title')}
      </h3>
      <p>{t('pending.fourEyes')}</p>
      {outcome !== null && (
        <Alert tone="success">
          {outcome.action === 'confirm'
            ? t('pending.erased', { name: outcome.name })
            : t('pending.cancelled', { name: outcome.name })}
        </Alert>
      )}
      {failed !== null && <Alert tone="error">{problemText.message(failed)}</Alert>}
      {body}
      <LoadMoreButton list={pending} />
    </section>
  );
}
