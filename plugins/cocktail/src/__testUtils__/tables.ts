import { screen, within } from '@testing-library/react';

/** The text of each body cell of the table under the heading `title`, row by row. */
export async function rowsOfTable(title: string): Promise<string[][]> {
  let table: HTMLElement | null = await screen.findByRole('heading', {
    name: title,
  });
  while (table && !table.querySelector('table')) {
    table = table.parentElement;
  }
  return within(table!.querySelector('tbody')!)
    .getAllByRole('row')
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}
