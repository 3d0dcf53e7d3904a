import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { categoryLabel, INDICATOR_LABELS, MEASURE_LABELS } from '@leerwinkel/contracts';
import type { IndicatorReportDto } from './dto/indicator.dto.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CSV_COLUMNS = ['indicator', 'region', 'month', 'category', 'category_label', 'measure', 'value', 'suppressed'];

/**
 * Every indicator table as one CSV (RFC 4180, comma, decimal point, UTF-8): one line per row of the JSON
 * answer; a suppressed value is empty with suppressed=true; region/month empty = the total over them.
 */
export function indicatorCsv(report: IndicatorReportDto): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const table of report.indicators) {
    for (const row of table.rows) {
      lines.push(
        [table.id, row.region ?? '', row.month ?? '', row.category, categoryLabel(table.id, row.category, 'nl'), row.measure, row.value ?? '', String(row.suppressed)]
          .map((value) => csvField(String(value)))
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The same tables as an Excel workbook in Dutch: an explanation sheet, then one sheet per indicator. */
export async function indicatorXlsx(report: IndicatorReportDto): Promise<Buffer> {
  const header = (labels: string[]) => labels.map((value) => ({ value, fontWeight: 'bold' as const }));
  const about: SheetData = [
    header(['Leerwinkel — indicatoren', '']),
    ['Periode', `${report.period.from} tot en met ${report.period.to}`],
    ['Regio’s', report.regions.map((region) => region.displayName).join(', ')],
    ['Soort traject', report.kind ?? 'alle'],
    ['Cijfers van', report.refreshedAt ?? 'nog niet berekend'],
    ['Kleine aantallen', report.suppressionK === null ? 'niet onderdrukt (eigen regio)' : `aantallen van 1 tot ${String(report.suppressionK - 1)} zijn onderdrukt (leeg, kolom "Onderdrukt")`],
    ['Definities', 'docs/indicators.md'],
  ];
  const sheets = report.indicators.map((table) => ({
    sheet: INDICATOR_LABELS[table.id].nl.slice(0, 31),
    stickyRowsCount: 1,
    columns: [{ width: 24 }, { width: 10 }, { width: 36 }, { width: 24 }, { width: 12 }, { width: 11 }],
    data: [
      header(['Regio', 'Maand', 'Categorie', 'Maat', 'Waarde', 'Onderdrukt']),
      ...table.rows.map((row) => [
        row.region ?? 'Alle geselecteerde regio’s',
        row.month ?? 'Hele periode',
        categoryLabel(table.id, row.category, 'nl'),
        MEASURE_LABELS[row.measure].nl,
        row.value,
        row.suppressed ? 'ja' : '',
      ]),
    ] as SheetData,
  }));
  return writeXlsxFile([{ sheet: 'Toelichting', columns: [{ width: 18 }, { width: 90 }], data: about }, ...sheets]).toBuffer();
}
