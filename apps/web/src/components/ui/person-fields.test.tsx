import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n/setup';
import { EMPTY_PERSON, PersonFields, personBody, type PersonDraft } from './person-fields';

function Person({ errors }: { errors: Readonly<Record<string, string>> }) {
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  return (
    <>
      <PersonFields value={person} onChange={setPerson} errors={errors} />
      <output>{JSON.stringify(personBody(person))}</output>
    </>
  );
}

function renderDutch(errors: Readonly<Record<string, string>>) {
  render(
    <I18nextProvider i18n={createI18n({ storage: null })}>
      <Person errors={errors} />
    </I18nextProvider>,
  );
}

describe('PersonFields', () => {
  it('asks for "Naam" and "E-mailadres", both required, and sends them trimmed', () => {
    renderDutch({});

    const name = screen.getByLabelText<HTMLInputElement>('Naam');
    const email = screen.getByLabelText<HTMLInputElement>('E-mailadres');
    expect([name.required, email.required, email.type]).toEqual([true, true, 'email']);
    fireEvent.change(name, { target: { value: ' An Peeters ' } });
    fireEvent.change(email, { target: { value: ' an@example.be ' } });
    expect(JSON.parse(screen.getByRole('status').textContent)).toEqual({
      displayName: 'An Peeters',
      email: 'an@example.be',
    });
  });

  it("shows the form's field errors for the name and the address at their field, and no others", () => {
    renderDutch({
      displayName: 'Vul dit veld in.',
      email: 'Dit is geen geldig e-mailadres.',
      role: 'Kies een waarde.',
    });

    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Dit is geen geldig e-mailadres.')).toBeDefined();
    expect(screen.queryByText('Kies een waarde.')).toBeNull();
  });
});
