import { useTranslation } from 'react-i18next';
import { useProblemText } from '@/lib/problem-messages';
import { EMPTY_DRAFT, type DraftField, type DraftProblems } from './learner-draft';

const FIELDS = Object.keys(EMPTY_DRAFT) as DraftField[];

/** One message per field: the client-side check first, else the API's field error. */
export function useLearnerErrors(problems: DraftProblems, apiError: unknown): Partial<Record<DraftField, string>> {
  const { t } = useTranslation('guidance');
  const problemText = useProblemText();
  const fromApi = apiError === null || apiError === undefined ? {} : problemText.fieldErrors(apiError);
  const errors: Partial<Record<DraftField, string>> = {};
  for (const field of FIELDS) {
    const problem = problems[field];
    const message = problem === undefined ? fromApi[field] : t(`learnerForm.errors.${problem}`);
    if (message !== undefined) errors[field] = message;
  }
  return errors;
}
