import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DataTable } from './data-table';

describe('DataTable', () => {
  it('names the table by its caption and heads each column', () => {
    render(
      <DataTable caption="Dossiers van deze lerende" columns={['Soort', 'Status']}>
        <tr>
          <th scope="row">Trajectbegeleiding</th>
          <td>Open</td>
        </tr>
      </DataTable>,
    );

    const table = screen.getByRole('table', { name: 'Dossiers van deze lerende' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Soort', 'Status']);
    expect(within(table).getByRole('rowheader', { name: 'Trajectbegeleiding' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Open' })).toBeTruthy();
  });
});
