import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { OutdatedAlert } from './outdated-alert';

describe('OutdatedAlert', () => {
  it('shows the problem and reloads on request, the button disabled and saying so until the reload settles', async () => {
    let finish: () => void = () => undefined;
    let reloads = 0;
    const onReload = () => {
      reloads += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    };
    render(
      <I18nextProvider i18n={createI18n({ storage: null })}>
        <OutdatedAlert
          message="Iemand anders heeft dit intussen gewijzigd."
          reloadLabel="Opnieuw laden"
          onReload={onReload}
        />
      </I18nextProvider>,
    );

    expect(screen.getByRole('alert').textContent).toContain('Iemand anders heeft dit intussen gewijzigd.');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    expect(reloads).toBe(1);
    expect(screen.getByRole('button', { name: 'Bezig met laden…' })).toHaveProperty('disabled', true);

    await act(async () => {
      finish();
      await Promise.resolve();
    });
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toHaveProperty('disabled', false);
  });
});
