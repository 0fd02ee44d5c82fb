import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderPermissionTableMarkdown } from './roles';

const README = resolve(__dirname, '../../../../README.md');
const START = '<!-- permission-table:start -->';
const END = '<!-- permission-table:end -->';

/** A Markdown table as rows of trimmed cells; a separator row's cells become `---`. */
function cells(table: string): string[][] {
  return table
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.startsWith('|'))
    .map(line =>
      line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map(cell => cell.trim())
        .map(cell => (/^:?-+:?$/.test(cell) ? '---' : cell)),
    );
}

describe("the README's permission table", () => {
  it('is the table renderPermissionTableMarkdown renders, cell by cell', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect({ start: start >= 0, end: end > start }).toEqual({
      start: true,
      end: true,
    });
    const section = readme.slice(start + START.length, end);
    expect(cells(section)).toEqual(cells(renderPermissionTableMarkdown()));
  });
});
