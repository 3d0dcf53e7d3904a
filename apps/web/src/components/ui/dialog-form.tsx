import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useProblemText } from '@/lib/problem-messages';
import { Alert } from './alert';
import { FormActions } from './form-actions';
import { ModalDialog } from './modal-dialog';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

/** What the form's own checks found: the body to send, or a message per field that is wrong. */
export type DialogFormCheck<Field extends string, Body> = { body: Body } | { problems: Partial<Record<Field, string>> };

/** What the dialog needs of the mutation it sends (a TanStack Query mutation result fits). */
interface DialogFormMutation<Body> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
  mutate: (body: Body, options: { onSuccess: () => void; onError: () => void }) => void;
}

interface DialogFormProps<Field extends string, Body> {
  title: string;
  /** Read out when the dialog opens (an explanation, a warning). */
  description: ReactNode;
  /** The fields, in the order they are shown: their errors come from `check` first, then from the API's answer. */
  fields: readonly Field[];
  /** The form's own checks, run on submit before anything is sent. */
  check: () => DialogFormCheck<Field, Body>;
  mutation: DialogFormMutation<Body>;
  submitLabel: string;
  pendingLabel: string;
  /** `done`: whether the mutation succeeded (false: cancelled or Escape). The caller unmounts the dialog. */
  onClose: (done: boolean) => void;
  /** The fields, given the error to show at each. */
  children: (errorOf: (field: Field) => string | undefined) => ReactNode;
}

/**
 * A form in a modal dialog that sends one mutation: errors at their field (from its own checks, else from the API),
 * an API error that belongs to no field above the form, the focus on the first invalid field after a refused
 * submit, and submit + cancel under it. Closes with `true` once the mutation succeeded.
 */
export function DialogForm<Field extends string, Body>({
  title,
  description,
  fields,
  check,
  mutation,
  submitLabel,
  pendingLabel,
  onClose,
  children,
}: DialogFormProps<Field, Body>) {
  const problemText = useProblemText();
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const fromApi = mutation.isError ? problemText.fieldErrors(mutation.error) : {};
  const errorOf = (field: Field): string | undefined => problems[field] ?? fromApi[field];
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, fields.map(errorOf).join('|'));
  const hasFieldErrors = fields.some((field) => errorOf(field) !== undefined);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const checked = check();
    if ('problems' in checked) {
      setProblems(checked.problems);
      mutation.reset();
      focusFirstInvalid();
      return;
    }
    setProblems({});
    mutation.mutate(checked.body, {
      onSuccess: () => {
        onClose(true);
      },
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  return (
    <ModalDialog
      title={title}
      description={description}
      onClose={() => {
        onClose(false);
      }}
    >
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {mutation.isError && !hasFieldErrors && <Alert tone="error">{problemText.message(mutation.error)}</Alert>}
        {children(errorOf)}
        <FormActions
          submitLabel={submitLabel}
          pending={mutation.isPending}
          pendingLabel={pendingLabel}
          onCancel={() => {
            onClose(false);
          }}
        />
      </form>
    </ModalDialog>
  );
}
