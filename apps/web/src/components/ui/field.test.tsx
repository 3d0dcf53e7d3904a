import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Field, FieldError, FieldHint, useFieldDescription } from './field';

/** The texts an element's aria-describedby points at, in order. */
function description(element: HTMLElement): string[] {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

describe('Field', () => {
  it('labels the control and ties the hint and the error to it', () => {
    render(
      <Field label="Voornaam" hint="Zoals op de identiteitskaart." error="Vul een voornaam in.">
        {(control) => <input {...control} />}
      </Field>,
    );

    const input = screen.getByLabelText('Voornaam');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['Zoals op de identiteitskaart.', 'Vul een voornaam in.']);
  });

  it('leaves out what is not there: no hint, no error, no aria-invalid or aria-describedby', () => {
    const { container } = render(<Field label="Naam">{(control) => <select {...control} />}</Field>);

    const select = screen.getByLabelText('Naam');
    expect(select.hasAttribute('aria-invalid')).toBe(false);
    expect(select.hasAttribute('aria-describedby')).toBe(false);
    expect(container.querySelector('.field__hint, .field__error')).toBeNull();
    expect(container.querySelector('.field')?.getAttribute('data-invalid')).toBe('false');
  });
});

function Group({ hint, error }: { hint?: string; error?: string }) {
  const { hintId, errorId, describedBy } = useFieldDescription(hint, error);
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>Drempels</legend>
      <FieldHint id={hintId} hint={hint} />
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

describe('useFieldDescription', () => {
  it('names only the error when there is no hint', () => {
    render(<Group error="Kies er minstens één." />);

    expect(description(screen.getByRole('group', { name: 'Drempels' }))).toEqual(['Kies er minstens één.']);
  });

  it('names only the hint when there is no error', () => {
    render(<Group hint="Meer dan één kan." />);

    expect(description(screen.getByRole('group', { name: 'Drempels' }))).toEqual(['Meer dan één kan.']);
  });
});
