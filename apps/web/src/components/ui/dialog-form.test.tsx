import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { ApiProblemError } from '@/lib/problem';
import { DialogForm, type DialogFormCheck } from './dialog-form';
import { TextField } from './text-field';

type Answer = (body: { name: string }) => Promise<void>;

/** A one-field dialog whose mutation answers with `answer` (a rejection stands for the API's error answer). */
function NameDialog({ answer, onClose }: { answer: Answer; onClose: (done: boolean) => void }) {
  const mutation = useMutation({ mutationFn: answer });
  const [name, setName] = useState('');

  function check(): DialogFormCheck<'name', { name: string }> {
    return name.trim() === '' ? { problems: { name: 'Vul een naam in.' } } : { body: { name: name.trim() } };
  }

  return (
    <DialogForm
      title="Naam geven"
      description={<p>Geef een naam.</p>}
      fields={['name']}
      check={check}
      mutation={mutation}
      submitLabel="Opslaan"
      pendingLabel="Bezig met opslaan…"
      onClose={onClose}
    >
      {(errorOf) => (
        <TextField
          label="Naam"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={errorOf('name')}
        />
      )}
    </DialogForm>
  );
}

function renderDialog(answer: Answer) {
  const onClose = vi.fn();
  const answered = vi.fn(answer);
  render(
    <I18nextProvider i18n={createI18n({ storage: null })}>
      <QueryClientProvider client={new QueryClient()}>
        <NameDialog answer={answered} onClose={onClose} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { onClose, answered };
}

/** Submits from the button, as a keyboard user would: the focus is on it, not on the field, when the answer comes. */
function submit() {
  const button = screen.getByRole('button', { name: 'Opslaan' });
  button.focus();
  fireEvent.click(button);
}

const badRequest = (errors: { field: string; message: string; rule: string }[]) =>
  new ApiProblemError(400, {
    type: 'urn:leerwinkel:problem:VALIDATION.FAILED',
    title: 'Bad Request',
    status: 400,
    code: 'VALIDATION.FAILED',
    errors,
  });

describe('DialogForm', () => {
  it('refuses on its own checks without sending: the error at the field, which gets the focus', async () => {
    const { answered, onClose } = renderDialog(() => Promise.resolve());

    submit();

    const field = screen.getByLabelText('Naam');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Vul een naam in.')).toBeDefined();
    await waitFor(() => {
      expect(document.activeElement).toBe(field);
    });
    expect(answered).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("shows the API's field error at the field and nothing above the form", async () => {
    renderDialog(() => Promise.reject(badRequest([{ field: 'name', message: 'too long', rule: 'maxLength' }])));

    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Gent' } });
    submit();

    expect(await screen.findByText('Dit is te lang.')).toBeDefined();
    const field = screen.getByLabelText('Naam');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => {
      expect(document.activeElement).toBe(field);
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an API error that belongs to no field above the form, and stays open', async () => {
    const { onClose } = renderDialog(() => Promise.reject(new ApiProblemError(500, undefined)));

    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Gent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Er ging iets mis bij Leerwinkel.');
    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).not.toBe('true');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes with true once sent, and with false on "Annuleren"', async () => {
    const sent = renderDialog(() => Promise.resolve());
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: ' Gent ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => {
      expect(sent.onClose).toHaveBeenCalledWith(true);
    });
    expect(sent.answered).toHaveBeenCalledTimes(1);
    expect(sent.answered.mock.calls[0]?.[0]).toEqual({ name: 'Gent' });

    const cancelled = renderDialog(() => Promise.resolve());
    fireEvent.click(screen.getAllByRole('button', { name: 'Annuleren' }).at(-1) as HTMLElement);
    expect(cancelled.onClose).toHaveBeenCalledWith(false);
    expect(cancelled.answered).not.toHaveBeenCalled();
  });
});
