import type { components } from '@leerwinkel/contracts';

/** Fixtures of the indicator API, typed by the generated contract so they follow API changes. */
export type IndicatorReport = components['schemas']['IndicatorReportDto'];
export type RegionIndicatorReport = components['schemas']['RegionIndicatorReportDto'];
export type IndicatorRow = components['schemas']['IndicatorRowDto'];
export type IndicatorTable = components['schemas']['IndicatorTableDto'];
export type CaseloadRow = components['schemas']['CaseloadRowDto'];
export type ActiveRegion = components['schemas']['RegionSummaryDto'];

export const REGIONS: ActiveRegion[] = [
  { slug: 'antwerpen', displayName: 'Leerwinkel Antwerpen' },
  { slug: 'oost-vlaanderen', displayName: 'Leerwinkel Oost-Vlaanderen' },
  { slug: 'west-vlaanderen', displayName: 'Leerwinkel West-Vlaanderen' },
];

/** A published figure. */
export function figure(
  category: string,
  measure: IndicatorRow['measure'],
  value: number,
  where: { region?: string | null; month?: string | null } = {},
): IndicatorRow {
  return { region: where.region ?? null, month: where.month ?? null, category, measure, value, suppressed: false };
}

/** A figure withheld by small-cell suppression. */
export function suppressed(
  category: string,
  measure: IndicatorRow['measure'],
  where: { region?: string | null; month?: string | null } = {},
): IndicatorRow {
  return { region: where.region ?? null, month: where.month ?? null, category, measure, value: null, suppressed: true };
}

/** The totals (all regions, whole period) a dashboard's key figures and tables read. */
export function totalTables(): IndicatorTable[] {
  return [
    {
      id: 'new_cases',
      rows: [figure('info', 'count', 15), figure('guidance', 'count', 48), figure('total', 'count', 63)],
    },
    {
      id: 'reach_education',
      rows: [
        figure('isced_2', 'count', 21),
        figure('isced_3', 'count', 30),
        figure('unknown', 'count', 12),
        figure('total', 'count', 63),
        figure('low_qualified', 'share', 0.4123),
      ],
    },
    {
      id: 'days_to_first_contact',
      rows: [figure('all', 'count', 50), figure('all', 'median_days', 6), figure('all', 'p75_days', 11)],
    },
    {
      id: 'days_to_first_referral',
      rows: [figure('all', 'count', 20), figure('all', 'median_days', 14), figure('all', 'p75_days', 30)],
    },
    {
      id: 'referral_outcomes',
      rows: [
        figure('cvo', 'sent', 20),
        figure('cvo', 'accepted', 15),
        figure('cvo', 'enrolled', 12),
        figure('cvo', 'started', 10),
        figure('cvo', 'completed', 6),
        figure('cvo', 'completed_rate', 0.3),
        suppressed('vdab', 'sent'),
        suppressed('vdab', 'accepted'),
        figure('vdab', 'enrolled', 0),
        figure('vdab', 'started', 0),
        figure('vdab', 'completed', 0),
        suppressed('vdab', 'completed_rate'),
        figure('syntra', 'sent', 0),
        figure('total', 'sent', 24),
        figure('total', 'accepted', 17),
        figure('total', 'enrolled', 12),
        figure('total', 'started', 10),
        figure('total', 'completed', 6),
        figure('total', 'completed_rate', 0.25),
      ],
    },
    {
      id: 'objectives_met',
      rows: [
        figure('fully', 'count', 10),
        figure('unknown', 'count', 5),
        figure('total', 'count', 20),
        figure('unknown', 'share', 0.25),
      ],
    },
    { id: 'offer_gaps', rows: [figure('vocational_training', 'count', 7), figure('total', 'count', 7)] },
  ];
}

function report(indicators: IndicatorTable[], overrides: Partial<IndicatorReport>): IndicatorReport {
  return {
    period: { from: '2026-01-01', to: '2026-03-31' },
    regions: REGIONS,
    kind: null,
    groupBy: [],
    suppressionK: 5,
    refreshedAt: '2026-03-05T13:07:00.000Z',
    indicators,
    ...overrides,
  };
}

/** groupBy=month: new cases per month and kind (February's info count suppressed), and the totals. */
export function aMonthReport(overrides: Partial<IndicatorReport> = {}): IndicatorReport {
  const [newCases, ...others] = totalTables();
  const months = { '2026-01': [6, 14], '2026-02': [null, 16], '2026-03': [6, 18] } as const;
  const monthly = Object.entries(months).flatMap(([month, [info, guidance]]) => [
    info === null ? suppressed('info', 'count', { month }) : figure('info', 'count', info, { month }),
    figure('guidance', 'count', guidance, { month }),
    info === null ? suppressed('total', 'count', { month }) : figure('total', 'count', info + guidance, { month }),
  ]);
  return report([{ id: 'new_cases', rows: [...monthly, ...(newCases?.rows ?? [])] }, ...others], {
    groupBy: ['month'],
    ...overrides,
  });
}

/** groupBy=region: new cases and the main indicators per region (Oost-Vlaanderen's small counts suppressed). */
export function aRegionReport(overrides: Partial<IndicatorReport> = {}): IndicatorReport {
  const tables = totalTables();
  const perRegion: Partial<Record<IndicatorTable['id'], IndicatorRow[]>> = {
    new_cases: [
      figure('total', 'count', 18, { region: 'antwerpen' }),
      suppressed('total', 'count', { region: 'oost-vlaanderen' }),
      figure('total', 'count', 42, { region: 'west-vlaanderen' }),
    ],
    reach_education: [
      figure('low_qualified', 'share', 0.5, { region: 'antwerpen' }),
      suppressed('low_qualified', 'share', { region: 'oost-vlaanderen' }),
      figure('low_qualified', 'share', 0.375, { region: 'west-vlaanderen' }),
    ],
    days_to_first_contact: [
      figure('all', 'median_days', 4, { region: 'antwerpen' }),
      suppressed('all', 'median_days', { region: 'oost-vlaanderen' }),
      figure('all', 'median_days', 7, { region: 'west-vlaanderen' }),
    ],
  };
  return report(
    tables.map((table) => ({ id: table.id, rows: [...(perRegion[table.id] ?? []), ...table.rows] })),
    { groupBy: ['region'], ...overrides },
  );
}

/** A coordinator's own figures: per month, not suppressed, with the caseload per counsellor. */
export function aRegionIndicatorReport(overrides: Partial<RegionIndicatorReport> = {}): RegionIndicatorReport {
  const central = aMonthReport({
    regions: [{ slug: 'west-vlaanderen', displayName: 'Leerwinkel West-Vlaanderen' }],
    suppressionK: null,
  });
  // Nothing is suppressed in a region's own figures: February had 3 information cases.
  const unsuppressed = (row: IndicatorRow): IndicatorRow =>
    row.suppressed
      ? { ...row, value: row.category === 'info' ? 3 : row.category === 'total' ? 19 : 0, suppressed: false }
      : row;
  return {
    ...central,
    indicators: central.indicators.map((table) => ({ ...table, rows: table.rows.map(unsuppressed) })),
    caseload: [
      {
        counsellorId: '00000000-0000-4000-8000-000000000001',
        name: 'Bert Begeleider',
        open: 23,
        registered: 3,
        intake: 5,
        guidance: 11,
        followUp: 4,
      },
      {
        counsellorId: '00000000-0000-4000-8000-000000000009',
        name: 'An Peeters',
        open: 9,
        registered: 1,
        intake: 2,
        guidance: 4,
        followUp: 2,
      },
    ],
    ...overrides,
  };
}
