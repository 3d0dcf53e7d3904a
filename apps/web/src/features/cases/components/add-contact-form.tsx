import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { brusselsDateTimeLocal, brusselsLocalToIso } from '@/lib/dates';
import { useProblemText } from '@/lib/problem-messages';
import { useAddContact, type AddContactBody } from '../api/add-contact-mutation';
import type { CaseStatus } from '../api/cases-query';
import { oneOf } from './case-codes';

const CHANNELS = codes(CODE_LISTS.contactChannels);
const KINDS = codes(CODE_LISTS.contactKinds);

/** The kind of conversation that usually goes with the case's status. */
const KIND_FOR_STATUS: Record<CaseStatus, AddContactBody['kind']> = {
  registered: 'intake',
  intake: 'intake',
  guidance: 'guidance',
  follow_up: 'follow_up',
  closed: 'follow_up',
};

/** Leeway for a clock that runs a little ahead, as the API allows. */
const FUTURE_LEEWAY_MS = 60_000;

interface AddContactFormProps {
  region: string;
  caseId: string;
  caseStatus: CaseStatus;
  onAdded: () => void;
  onCancel: () => void;
}

type ContactProblems = Partial<Record<'occurredAt' | 'durationMinutes' | 'channel' | 'kind' | 'notes', string>>;

/** "Gesprek toevoegen": when (default now, Brussels time), how long (default 60 minutes), channel, kind, notes. */
export function AddContactForm({ region, caseId, caseStatus, onAdded, onCancel }: AddContactFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const add = useAddContact(region, caseId);
  const [occurredAt, setOccurredAt] = useState(() => brusselsDateTimeLocal());
  const [duration, setDuration] = useState('60');
  const [channel, setChannel] = useState<string>('in_person');
  const [kind, setKind] = useState<string>(KIND_FOR_STATUS[caseStatus]);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<ContactProblems>({});
  const fromApi = add.isError ? problemText.fieldErrors(add.error) : {};
  const errors: ContactProblems = {
    occurredAt: problems.occurredAt ?? fromApi.occurredAt,
    durationMinutes: problems.durationMinutes ?? fromApi.durationMinutes,
    channel: fromApi.channel,
    kind: fromApi.kind,
    notes: fromApi.notes,
  };
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(errors).join('|'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: ContactProblems = {};
    const moment = brusselsLocalToIso(occurredAt);
    if (moment === undefined) found.occurredAt = t('contactForm.errors.dateTime');
    else if (Date.parse(moment) > Date.now() + FUTURE_LEEWAY_MS) found.occurredAt = t('contactForm.errors.future');
    const minutes = Number(duration);
    if (!/^\d+$/.test(duration.trim()) || minutes < 1 || minutes > 600)
      found.durationMinutes = t('contactForm.errors.duration');
    setProblems(found);
    if (moment === undefined || Object.keys(found).length > 0 || !oneOf(CHANNELS, channel) || !oneOf(KINDS, kind)) {
      add.reset();
      focusFirstInvalid();
      return;
    }
    const body: AddContactBody = { occurredAt: moment, durationMinutes: minutes, channel, kind };
    if (notes.trim() !== '') body.notes = notes.trim();
    add.mutate(body, {
      onSuccess: onAdded,
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  return (
    <form ref={formRef} className="form subpanel" onSubmit={submit} noValidate>
      <h4 ref={headingRef} tabIndex={-1}>
        {t('contactForm.title')}
      </h4>
      {add.isError && <Alert tone="error">{problemText.message(add.error)}</Alert>}
      <TextField
        label={t('contactForm.occurredAt')}
        type="datetime-local"
        required
        max={brusselsDateTimeLocal()}
        hint={t('contactForm.occurredAtHint')}
        value={occurredAt}
        onChange={(event) => {
          setOccurredAt(event.target.value);
        }}
        error={errors.occurredAt}
      />
      <TextField
        label={t('contactForm.duration')}
        type="number"
        inputMode="numeric"
        required
        min={1}
        max={600}
        step={1}
        hint={t('contactForm.durationHint')}
        value={duration}
        onChange={(event) => {
          setDuration(event.target.value);
        }}
        error={errors.durationMinutes}
      />
      <SelectField
        label={t('contactForm.channel')}
        required
        value={channel}
        options={codeLists.options('contactChannels')}
        onChange={(event) => {
          setChannel(event.target.value);
        }}
        error={errors.channel}
      />
      <SelectField
        label={t('contactForm.kind')}
        required
        value={kind}
        options={codeLists.options('contactKinds')}
        onChange={(event) => {
          setKind(event.target.value);
        }}
        error={errors.kind}
      />
      <TextAreaField
        label={t('contactForm.notes')}
        maxLength={10_000}
        value={notes}
        onChange={(event) => {
          setNotes(event.target.value);
        }}
        error={errors.notes}
      />
      <FormActions
        submitLabel={t('contactForm.submit')}
        pending={add.isPending}
        pendingLabel={t('translation:common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
