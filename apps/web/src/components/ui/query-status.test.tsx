import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { ApiProblemError } from '@/lib/problem';
import { LoadError, LoadingStatus, LoadMoreButton } from './query-status';

function renderDutch(element: ReactElement) {
  return render(<I18nextProvider i18n={createI18n({ storage: null })}>{element}</I18nextProvider>);
}

describe('LoadingStatus', () => {
  it('announces that the page is loading', () => {
    renderDutch(<LoadingStatus />);

    expect(screen.getByRole('status').textContent).toBe('Bezig met laden…');
  });
});

describe('LoadError', () => {
  it('says what went wrong in plain Dutch and retries on request', () => {
    const onRetry = vi.fn();
    renderDutch(<LoadError error={new ApiProblemError(404, undefined)} onRetry={onRetry} />);

    expect(screen.getByRole('alert').textContent).toContain('Dit bestaat niet (meer), of je hebt er geen toegang toe.');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('LoadMoreButton', () => {
  const list = (hasNextPage: boolean, isFetchingNextPage: boolean) => ({
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage: vi.fn(() => Promise.resolve()),
  });

  it('reads the next page on request', () => {
    const paged = list(true, false);
    renderDutch(<LoadMoreButton list={paged} />);

    fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(paged.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('is disabled and says so while the next page loads', () => {
    renderDutch(<LoadMoreButton list={list(true, true)} />);

    expect(screen.getByRole('button', { name: 'Meer aan het laden…' })).toHaveProperty('disabled', true);
  });

  it('can name what it loads, and still says it is loading while it does', () => {
    const { rerender } = renderDutch(<LoadMoreButton list={list(true, false)} label="Meer aanbod laden" />);

    expect(screen.getByRole('button', { name: 'Meer aanbod laden' })).toHaveProperty('disabled', false);
    rerender(
      <I18nextProvider i18n={createI18n({ storage: null })}>
        <LoadMoreButton list={list(true, true)} label="Meer aanbod laden" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: 'Meer aan het laden…' })).toHaveProperty('disabled', true);
  });

  it('is not there after the last page', () => {
    renderDutch(<LoadMoreButton list={list(false, false)} />);

    expect(screen.queryByRole('button')).toBeNull();
  });
});
