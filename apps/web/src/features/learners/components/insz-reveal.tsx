import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseInsz } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { ApiProblemError } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { useRevealInsz } from '../api/reveal-insz-mutation';

/** "85073003312" → "85.07.30-033.12", the way the number is printed on an identity card. */
function formatInsz(insz: string): string {
  const digits = normaliseInsz(insz);
  if (!/^\d{11}$/.test(digits)) return insz;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

interface InszRevealProps {
  region: string;
  learnerId: string;
  /** The masked number from the learner record (birth-date part only). */
  masked: string;
}

/**
 * The masked INSZ, and the full number only on request: the reveal is logged, so it is never
 * fetched by itself and the user is told before they ask.
 */
export function InszReveal({ region, learnerId, masked }: InszRevealProps) {
  const { t } = useTranslation('guidance');
  const problemText = useProblemText();
  const reveal = useRevealInsz(region, learnerId);
  const noteId = useId();
  const shown = reveal.isSuccess ? reveal.data.insz : null;

  return (
    <div className="insz">
      <p className="insz__value" aria-live="polite">
        <span className="insz__number">{shown === null ? masked : formatInsz(shown)}</span>
        {shown !== null && <span className="visually-hidden"> {t('insz.revealedNote')}</span>}
      </p>
      <p id={noteId} className="field__hint">
        {t('insz.logNote')}
      </p>
      {reveal.isError && (
        <Alert tone="error">
          {reveal.error instanceof ApiProblemError && reveal.error.status === 403
            ? t('insz.forbidden')
            : problemText.message(reveal.error)}
        </Alert>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-describedby={shown === null ? noteId : undefined}
        disabled={reveal.isPending}
        onClick={() => {
          if (shown === null) reveal.mutate();
          else reveal.reset();
        }}
      >
        {shown === null ? t('insz.reveal') : t('insz.hide')}
      </button>
    </div>
  );
}
