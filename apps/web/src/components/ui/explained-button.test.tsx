import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ExplainedButton } from './explained-button';

describe('ExplainedButton', () => {
  it('is disabled while there is a reason, which is shown and describes the button', () => {
    render(<ExplainedButton unavailableReason="De verwerking is beperkt.">Gegevens wijzigen</ExplainedButton>);

    const button = screen.getByRole('button', { name: 'Gegevens wijzigen' });
    expect(button).toHaveProperty('disabled', true);
    const describedBy = button.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('De verwerking is beperkt.');
  });

  it('without a reason is an ordinary button that can be focused and clicked', () => {
    const onClick = vi.fn();
    const ref = createRef<HTMLButtonElement>();
    render(
      <ExplainedButton ref={ref} unavailableReason={undefined} onClick={onClick}>
        Gegevens wijzigen
      </ExplainedButton>,
    );

    const button = screen.getByRole('button', { name: 'Gegevens wijzigen' });
    expect(button.hasAttribute('aria-describedby')).toBe(false);
    expect(ref.current).toBe(button);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
