import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { brusselsDate, isCalendarDate } from '@/lib/dates';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { problemCodeOf } from '@/lib/problem';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useCataloguePartners, type CataloguePartner } from '../api/catalogue-query';
import { useCreateReferral, type CreateReferralBody } from '../api/create-referral-mutation';
import { type Offer, usePartnerOffers } from '../api/partner-offers-query';
import { useRecordSharingConsent } from '../api/record-sharing-consent-mutation';
import type { Referral, ReferralPacket, ShareChoice } from '../api/referrals-query';
import { activeSharingConsent, useLearnerConsents } from '../api/sharing-consents-query';
import { PacketView } from './packet-view';

/** The share choices in the order the form shows them. */
const SHARE_KEYS = [
  'contactData',
  'learningQuestion',
  'educationLevel',
  'dutchLevel',
] as const satisfies readonly (keyof ShareChoice)[];

/** Contact data and the learning question by default (the partner needs them to act); the rest on request. */
const DEFAULT_SHARE: ShareChoice = {
  contactData: true,
  learningQuestion: true,
  educationLevel: false,
  dutchLevel: false,
};

type Learner = components['schemas']['LearnerDto'];
/** The learner page's key for the record (['regions', region, 'learners', 'detail', learnerId]). */
type LearnerQueryKey = readonly ['regions', string, 'learners', 'detail', string];

export interface ReferralFormProps {
  region: string;
  regionName: string;
  caseId: string;
  learnerId: string;
  /**
   * How to read the learner's record (what the packet preview shows): the learner page's own query, so both share
   * one cache entry and one logged read. Read only while the form is open.
   */
  learnerQuery: UseQueryOptions<Learner, Error, Learner, LearnerQueryKey>;
  /** The case's learning question (what the partner sees when it is shared). */
  learningQuestion: string | null;
  /** The signed-in counsellor, named in the packet as the contact person. */
  counsellor: { name: string; email: string };
  onSent: (referral: Referral) => void;
  onCancel: () => void;
}

type FormProblems = Partial<Record<'partner' | 'consent' | 'textVersion' | 'preferredStart', string>>;

/**
 * "Doorverwijzen": pick a partner that serves the region (and optionally one of its offers), choose
 * what to share, and see exactly what the partner will receive. Sending needs the learner's active
 * partner_sharing consent for that partner; without it the form offers to record it first.
 */
export function ReferralForm({
  region,
  regionName,
  caseId,
  learnerId,
  learnerQuery,
  learningQuestion,
  counsellor,
  onSent,
  onCancel,
}: ReferralFormProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const partners = useCataloguePartners(query === '' ? { region } : { region, q: query });
  const [partner, setPartner] = useState<CataloguePartner | null>(null);
  const offers = usePartnerOffers(partner?.id);
  const [offerSearch, setOfferSearch] = useState('');
  const offerQuery = useDebouncedValue(offerSearch.trim(), 300);
  // A partner with more offers than one page (a CVO has hundreds): search them by name instead of one long select.
  const manyOffers = (offers.data?.pages[0]?.nextCursor ?? null) !== null;
  const offerMatches = usePartnerOffers(manyOffers ? partner?.id : undefined, offerQuery);
  const [chosenOffer, setChosenOffer] = useState<Offer | null>(null);
  const [share, setShare] = useState<ShareChoice>(DEFAULT_SHARE);
  const [preferredStart, setPreferredStart] = useState('');
  const [note, setNote] = useState('');
  const [textVersion, setTextVersion] = useState('v1');
  const [problems, setProblems] = useState<FormProblems>({});
  const consents = useLearnerConsents(region, learnerId);
  const recordConsent = useRecordSharingConsent(region, learnerId);
  const learner = useQuery(learnerQuery);
  const create = useCreateReferral(region, caseId);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(problems).join('|'));
  const headingId = useId();
  const shareHintId = useId();
  const today = brusselsDate();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Decided on every page of consents, never on the first alone.
  const consent = partner === null || !consents.complete ? undefined : activeSharingConsent(consents.items, partner.id);
  const hasConsent = consent !== undefined;
  const noConsentAnswer = problemCodeOf(create.error) === 'REFERRAL.NO_SHARING_CONSENT';
  const shownOffers = ((manyOffers ? offerMatches : offers).data?.pages ?? []).flatMap((page) => page.items);
  // The chosen offer stays an option while another search shows other offers.
  const offerOptions = [
    ...(chosenOffer !== null && !shownOffers.some((offer) => offer.id === chosenOffer.id) ? [chosenOffer] : []),
    ...shownOffers,
  ].map((offer) => ({
    value: offer.id,
    label: `${offer.name} — ${codeLists.label('offerStatuses', offer.status)}`,
  }));

  function choosePartner(next: CataloguePartner): void {
    setPartner(next);
    setChosenOffer(null);
    setOfferSearch('');
    setProblems((current) => ({ ...current, partner: undefined, consent: undefined }));
    create.reset();
    recordConsent.reset();
  }

  function record(): void {
    if (partner === null) return;
    if (textVersion.trim() === '') {
      setProblems((current) => ({ ...current, textVersion: t('learnerForm.errors.required') }));
      focusFirstInvalid();
      return;
    }
    setProblems((current) => ({ ...current, textVersion: undefined, consent: undefined }));
    create.reset();
    recordConsent.mutate({ partnerId: partner.id, textVersion: textVersion.trim() });
  }

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: FormProblems = {};
    if (partner === null) found.partner = t('referralForm.errors.partner');
    else if (!hasConsent) found.consent = t('referralForm.errors.consent');
    if (preferredStart !== '' && !isCalendarDate(preferredStart)) found.preferredStart = t('learnerForm.errors.date');
    setProblems(found);
    if (partner === null || Object.keys(found).length > 0) {
      create.reset();
      focusFirstInvalid();
      return;
    }
    const body: CreateReferralBody = { partnerId: partner.id, share };
    if (chosenOffer !== null) body.offerId = chosenOffer.id;
    if (preferredStart !== '') body.preferredStart = preferredStart;
    if (note.trim() !== '') body.note = note.trim();
    create.mutate(body, {
      onSuccess: onSent,
      onError: (error) => {
        // Someone withdrew the consent meanwhile: read the consents again so the form shows it.
        if (problemCodeOf(error) === 'REFERRAL.NO_SHARING_CONSENT') void consents.query.refetch();
      },
    });
  }

  const preview: ReferralPacket | undefined =
    learner.data === undefined
      ? undefined
      : {
          region: { slug: region, name: regionName },
          partner: { id: partner?.id ?? '', name: partner?.name ?? '' },
          offer: chosenOffer === null ? null : { id: chosenOffer.id, name: chosenOffer.name },
          learner: share.contactData
            ? {
                firstName: learner.data.firstName,
                lastName: learner.data.lastName,
                email: learner.data.email,
                phone: learner.data.phone,
              }
            : null,
          learningQuestion: share.learningQuestion ? learningQuestion : null,
          educationLevel: share.educationLevel ? learner.data.educationLevel : null,
          dutchLevel: share.dutchLevel ? learner.data.dutchLevel : null,
          preferredStart: preferredStart === '' ? null : preferredStart,
          counsellor,
        };

  const partnerList = partners.data?.items ?? [];
  const hasProblems = Object.values(problems).join('') !== '';

  return (
    <form ref={formRef} className="form subpanel" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('referralForm.title')}
      </h4>
      {create.isError && <Alert tone="error">{problemText.message(create.error)}</Alert>}
      {!create.isError && hasProblems && <Alert tone="error">{t('translation:problems.validationFailed')}</Alert>}

      <fieldset className="field fieldset" data-invalid={problems.partner !== undefined}>
        <legend className="field__label">{t('referralForm.partnerLegend')}</legend>
        <TextField
          label={t('referralForm.search')}
          hint={t('referralForm.searchHint', { region: regionName })}
          type="search"
          autoComplete="off"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
        <div aria-live="polite" aria-busy={partners.isFetching}>
          {partners.isPending ? (
            <LoadingStatus />
          ) : partners.isError ? (
            <Alert tone="error">{problemText.message(partners.error)}</Alert>
          ) : partnerList.length === 0 ? (
            <p>{t('referralForm.noPartners')}</p>
          ) : (
            <div className="checkbox-group">
              {partnerList.map((candidate) => (
                <label key={candidate.id} className="checkbox">
                  <input
                    type="radio"
                    name={`${headingId}-partner`}
                    value={candidate.id}
                    checked={partner?.id === candidate.id}
                    aria-invalid={problems.partner === undefined ? undefined : true}
                    onChange={() => {
                      choosePartner(candidate);
                    }}
                  />{' '}
                  {candidate.name}{' '}
                  <span className="muted">
                    ({codeLists.label('partnerTypes', candidate.type)} ·{' '}
                    {t('referralForm.offerCount', { count: candidate.offerCount })})
                  </span>
                </label>
              ))}
            </div>
          )}
        </div>
        {problems.partner !== undefined && <p className="field__error">{problems.partner}</p>}
      </fieldset>

      {partner !== null && (
        <>
          {offers.isError ? (
            <Alert tone="error">{problemText.message(offers.error)}</Alert>
          ) : offers.isPending ? (
            <LoadingStatus />
          ) : offerOptions.length === 0 && !manyOffers ? (
            <p>{t('referralForm.noOffers', { partner: partner.name })}</p>
          ) : (
            <div>
              {manyOffers && (
                <TextField
                  label={t('referralForm.offerSearch')}
                  hint={t('referralForm.offerSearchHint', { partner: partner.name })}
                  type="search"
                  maxLength={100}
                  value={offerSearch}
                  onChange={(event) => {
                    setOfferSearch(event.target.value);
                  }}
                />
              )}
              {offerMatches.isError && <Alert tone="error">{problemText.message(offerMatches.error)}</Alert>}
              <SelectField
                label={t('referralForm.offer')}
                hint={t('referralForm.offerHint')}
                value={chosenOffer?.id ?? ''}
                options={[{ value: '', label: t('referralForm.noOfferChoice') }, ...offerOptions]}
                onChange={(event) => {
                  const id = event.target.value;
                  setChosenOffer(id === '' ? null : (shownOffers.find((offer) => offer.id === id) ?? chosenOffer));
                }}
              />
              {manyOffers && offerQuery !== '' && !offerMatches.isPending && shownOffers.length === 0 && (
                <p role="status">{t('referralForm.offerNoMatch', { query: offerQuery })}</p>
              )}
              {manyOffers && <LoadMoreButton list={offerMatches} label={t('referralForm.moreOffers')} />}
            </div>
          )}

          <section className="subpanel" aria-label={t('referralForm.consentTitle')}>
            {consents.query.isError ? (
              <Alert tone="error">{problemText.message(consents.query.error)}</Alert>
            ) : !consents.complete ? (
              <LoadingStatus />
            ) : consent !== undefined ? (
              <Alert tone="success" title={t('referralForm.consentPresentTitle')}>
                <p>
                  {t('referralForm.consentPresent', {
                    partner: partner.name,
                    version: consent.textVersion,
                    date: formatShortDate(consent.givenAt, i18n.language),
                  })}
                </p>
              </Alert>
            ) : (
              <div className="alert" data-tone="warning">
                <p className="alert__title">{t('referralForm.consentMissingTitle')}</p>
                <p>{t('referralForm.consentMissing', { partner: partner.name })}</p>
                {problems.consent !== undefined && (
                  <p className="field__error" role="alert">
                    {problems.consent}
                  </p>
                )}
                {recordConsent.isError && <Alert tone="error">{problemText.message(recordConsent.error)}</Alert>}
                <TextField
                  label={t('referralForm.textVersion')}
                  hint={t('referralForm.textVersionHint')}
                  autoComplete="off"
                  maxLength={20}
                  value={textVersion}
                  aria-invalid={problems.consent === undefined && problems.textVersion === undefined ? undefined : true}
                  onChange={(event) => {
                    setTextVersion(event.target.value);
                  }}
                  error={problems.textVersion}
                />
                <p>
                  <button type="button" className="button" disabled={recordConsent.isPending} onClick={record}>
                    {recordConsent.isPending ? t('translation:common.saving') : t('referralForm.recordConsent')}
                  </button>
                </p>
              </div>
            )}
            {recordConsent.isSuccess && hasConsent && <p role="status">{t('referralForm.consentRecorded')}</p>}
            {noConsentAnswer && hasConsent && <p className="muted">{t('referralForm.tryAgain')}</p>}
          </section>
        </>
      )}

      <fieldset className="field fieldset" aria-describedby={shareHintId}>
        <legend className="field__label">{t('referralForm.shareLegend')}</legend>
        <p id={shareHintId} className="field__hint">
          {t('referralForm.shareHint')}
        </p>
        <div className="checkbox-group">
          {SHARE_KEYS.map((key) => (
            <div key={key}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={share[key]}
                  aria-describedby={`${shareHintId}-${key}`}
                  onChange={(event) => {
                    setShare((current) => ({ ...current, [key]: event.target.checked }));
                  }}
                />{' '}
                {t(`referralForm.share.${key}`)}
              </label>
              <p id={`${shareHintId}-${key}`} className="field__hint">
                {t(`referralForm.shareExplain.${key}`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <TextField
        label={t('referralForm.preferredStart')}
        type="date"
        min={today}
        value={preferredStart}
        onChange={(event) => {
          setPreferredStart(event.target.value);
        }}
        error={problems.preferredStart}
      />
      <TextAreaField
        label={t('referralForm.note')}
        hint={t('referralForm.noteHint')}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
        }}
      />

      <section className="subpanel" aria-label={t('referralForm.previewTitle')}>
        <h5>{t('referralForm.previewTitle')}</h5>
        <p className="muted">
          {partner === null
            ? t('referralForm.previewIntroNoPartner')
            : t('referralForm.previewIntro', { partner: partner.name })}
        </p>
        {preview === undefined ? (
          learner.isError ? (
            <Alert tone="error">{problemText.message(learner.error)}</Alert>
          ) : (
            <LoadingStatus />
          )
        ) : (
          <PacketView packet={preview} />
        )}
      </section>

      <FormActions
        submitLabel={t('referralForm.send')}
        pending={create.isPending}
        pendingLabel={t('referralForm.sending')}
        onCancel={onCancel}
      />
    </form>
  );
}
