import type { ReactElement, SubmitEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { FormActions } from './form-actions';

function renderActions(element: ReactElement) {
  const onSubmit = vi.fn((event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
  });
  render(
    <I18nextProvider i18n={createI18n({ storage: null })}>
      <form onSubmit={onSubmit}>{element}</form>
    </I18nextProvider>,
  );
  return { onSubmit };
}

describe('FormActions', () => {
  it('submits the form, and offers a Dutch "Annuleren" that calls onCancel without submitting', () => {
    const onCancel = vi.fn();
    const { onSubmit } = renderActions(<FormActions submitLabel="Opslaan" onCancel={onCancel} />);

    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('while pending, disables the submit button and shows the pending text; cancel stays usable', () => {
    renderActions(
      <FormActions submitLabel="Opslaan" pending pendingLabel="Bezig met opslaan…" onCancel={() => undefined} />,
    );

    expect(screen.getByRole('button', { name: 'Bezig met opslaan…' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Opslaan' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Annuleren' })).toHaveProperty('disabled', false);
  });

  it('without a pending text keeps the label; without onCancel has no cancel button; extra actions follow', () => {
    renderActions(
      <FormActions submitLabel="Toevoegen" pending>
        <a href="/terug">Terug</a>
      </FormActions>,
    );

    expect(screen.getByRole('button', { name: 'Toevoegen' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Annuleren' })).toBeNull();
    expect(screen.getAllByRole('button').length).toBe(1);
    expect(screen.getByRole('link', { name: 'Terug' })).toBeTruthy();
  });
});
