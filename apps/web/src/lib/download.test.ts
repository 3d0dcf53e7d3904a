import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it("takes the server's file name", () => {
    expect(
      filenameFromDisposition('attachment; filename="leerwinkel-indicatoren-2026-01-01-2026-12-31.csv"', 'x.csv'),
    ).toBe('leerwinkel-indicatoren-2026-01-01-2026-12-31.csv');
    expect(filenameFromDisposition('attachment; filename=cijfers.xlsx', 'x.xlsx')).toBe('cijfers.xlsx');
    expect(filenameFromDisposition('attachment; filename="a.csv"; filename*=UTF-8\'\'co%C3%B6rdinator.csv', 'x')).toBe(
      'coördinator.csv',
    );
  });

  it('keeps only a plain name and falls back when there is none', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(filenameFromDisposition('attachment', 'indicatoren.csv')).toBe('indicatoren.csv');
    expect(filenameFromDisposition(null, 'indicatoren.csv')).toBe('indicatoren.csv');
  });
});
