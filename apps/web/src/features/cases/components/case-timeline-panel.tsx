import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { useCodeLists } from '@/lib/code-lists';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import type { CaseStatus } from '../api/cases-query';
import { useContacts } from '../api/contacts-query';
import { useTransitions } from '../api/transitions-query';
import { AddContactForm } from './add-contact-form';
import { mergeTimeline, type TimelineEntry } from './timeline';

interface CaseTimelinePanelProps {
  region: string;
  caseId: string;
  caseStatus: CaseStatus;
}

/** The case's history: conversations and status changes merged, newest first; "Gesprek toevoegen". */
export function CaseTimelinePanel({ region, caseId, caseStatus }: CaseTimelinePanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const contacts = useContacts(region, caseId);
  const transitions = useTransitions(region, caseId);
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);

  function closeForm(): void {
    setAdding(false);
    setTimeout(() => addButton.current?.focus(), 0);
  }

  const someone = t('timeline.someone');
  const describe = (entry: TimelineEntry) => {
    if (entry.type === 'contact') {
      const contact = entry.contact;
      return {
        title: t('timeline.contact', {
          kind: codeLists.label('contactKinds', contact.kind),
          channel: codeLists.label('contactChannels', contact.channel).toLocaleLowerCase(i18n.language),
          minutes: formatNumber(contact.durationMinutes, i18n.language),
        }),
        by: contact.counsellorName ?? someone,
        note: contact.notes,
      };
    }
    const transition = entry.transition;
    return {
      title:
        transition.from === null
          ? t('timeline.created', { status: codeLists.label('caseStatuses', transition.to) })
          : t('timeline.transition', {
              from: codeLists.label('caseStatuses', transition.from),
              to: codeLists.label('caseStatuses', transition.to),
            }),
      by: transition.byUserName ?? someone,
      note: transition.note,
    };
  };

  let body;
  if (contacts.isPending || transitions.isPending) {
    body = <LoadingStatus />;
  } else if (contacts.isError || transitions.isError) {
    body = <Alert tone="error">{problemText.message(contacts.error ?? transitions.error)}</Alert>;
  } else {
    const entries = mergeTimeline(
      contacts.data.pages.flatMap((page) => page.items),
      transitions.data,
      !contacts.hasNextPage,
    );
    body =
      entries.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <>
          <ol className="timeline" aria-label={t('timeline.listLabel')}>
            {entries.map((entry) => {
              const text = describe(entry);
              return (
                <li key={`${entry.type}-${entry.id}`} className="timeline__item" data-type={entry.type}>
                  <p className="timeline__title">
                    <span className="timeline__type">
                      {entry.type === 'contact' ? t('timeline.typeContact') : t('timeline.typeStatus')}:
                    </span>{' '}
                    {text.title}
                  </p>
                  <p className="timeline__meta">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                    {' · '}
                    {text.by}
                  </p>
                  {text.note !== null && text.note !== '' && (
                    <p className="timeline__note preserve-lines">{text.note}</p>
                  )}
                </li>
              );
            })}
          </ol>
          <LoadMoreButton list={contacts} />
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('timeline.title')}</h3>
      {added && !adding && <Alert tone="success">{t('contactForm.added')}</Alert>}
      {adding ? (
        <AddContactForm
          region={region}
          caseId={caseId}
          caseStatus={caseStatus}
          onAdded={() => {
            setAdded(true);
            closeForm();
          }}
          onCancel={closeForm}
        />
      ) : (
        <p>
          <button
            ref={addButton}
            type="button"
            className="button"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('contactForm.open')}
          </button>
        </p>
      )}
      {body}
    </section>
  );
}
