import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { ApiProblemError } from '@/lib/problem';
import { VersionedSaveAlert } from './versioned-save-alert';

const labels = { reload: 'Opnieuw laden', reloaded: 'De nieuwste versie is geladen.' };
const problem = (status: number, code: string) =>
  new ApiProblemError(status, { type: `urn:leerwinkel:problem:${code}`, title: code, status, code });

function renderDutch(element: ReactElement) {
  return render(<I18nextProvider i18n={createI18n({ storage: null })}>{element}</I18nextProvider>);
}

describe('VersionedSaveAlert', () => {
  it('offers to reload after a stale save, the button disabled and saying so until the reload settles', async () => {
    let finish: () => void = () => undefined;
    let reloads = 0;
    const onReload = () => {
      reloads += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    };
    renderDutch(
      <VersionedSaveAlert error={problem(412, 'RESOURCE.STALE')} rebased={false} labels={labels} onReload={onReload} />,
    );

    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    expect(reloads).toBe(1);
    expect(screen.getByRole('button', { name: 'Bezig met laden…' })).toHaveProperty('disabled', true);

    await act(async () => {
      finish();
      await Promise.resolve();
    });
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toHaveProperty('disabled', false);
  });

  it('shows any other failed save as an error, without a reload button', () => {
    renderDutch(
      <VersionedSaveAlert
        error={problem(404, 'RESOURCE.NOT_FOUND')}
        rebased
        labels={labels}
        onReload={() => Promise.resolve()}
      />,
    );

    expect(screen.getByRole('alert').textContent).toBe('Dit bestaat niet (meer), of je hebt er geen toegang toe.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says the newest version is loaded after a reload, and nothing when all is well', () => {
    const { rerender } = renderDutch(
      <VersionedSaveAlert error={null} rebased labels={labels} onReload={() => Promise.resolve()} />,
    );
    expect(screen.getByRole('status').textContent).toBe('De nieuwste versie is geladen.');

    rerender(
      <I18nextProvider i18n={createI18n({ storage: null })}>
        <VersionedSaveAlert error={null} rebased={false} labels={labels} onReload={() => Promise.resolve()} />
      </I18nextProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
  });
});
