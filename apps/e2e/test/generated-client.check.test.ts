import { describe, expect, it } from 'vitest';
import { checkWebApiRules, type RuleFinding } from '../src/web-api-rules.js';

/**
 * Findings accepted for now, each with its reason. The test also fails when one of them no longer occurs, so the
 * list only shrinks.
 */
const KNOWN: readonly { where: RegExp; rule: RuleFinding['rule']; reason: string }[] = [
  {
    where: /^features\/indicators\/components\/report-index\.ts:\d+$/,
    rule: 'copied-shape',
    reason:
      'CellAddress (region?, month?, category, measure) is a lookup key into IndicatorRowDto rather than a payload; ' +
      "it should become Pick<IndicatorRow, 'category' | 'measure'> & Partial<Pick<IndicatorRow, 'region' | 'month'>>.",
  },
];

const format = (findings: readonly RuleFinding[]): string =>
  findings.map((finding) => `${finding.where} [${finding.rule}] ${finding.message}`).join('\n');

describe('apps/web uses the generated API client for every request and type', () => {
  it('has no request outside the client, no hand-written API path and no hand-written API type', () => {
    const findings = checkWebApiRules();
    const unexpected = findings.filter(
      (finding) => !KNOWN.some((known) => known.rule === finding.rule && known.where.test(finding.where)),
    );
    expect(unexpected, format(unexpected)).toEqual([]);
    const stale = KNOWN.filter(
      (known) => !findings.some((finding) => finding.rule === known.rule && known.where.test(finding.where)),
    );
    expect(
      stale.map((known) => known.where.source),
      'remove fixed entries from KNOWN',
    ).toEqual([]);
  });

  it('catches each kind of violation (a planted file)', () => {
    const findings = checkWebApiRules({
      extraFiles: {
        'features/planted/bad.ts': [
          "import type { components } from '@leerwinkel/contracts';",
          "export const raw = () => fetch('/api/v1/me');",
          "export const link = '/api/v1/regions';",
          'export interface ReferralCopy {',
          '  id: string;',
          '  caseId: string;',
          '  partnerId: string;',
          '}',
          'export interface MeResponse { id: string }',
          "export type Fine = components['schemas']['MeDto'];",
          "export type FineBody = Pick<Fine, 'id'>;",
        ].join('\n'),
      },
    }).filter((finding) => finding.where.startsWith('features/planted/'));
    expect(findings.map((finding) => `${finding.rule} ${finding.where}`).sort()).toEqual(
      [
        'api-path features/planted/bad.ts:2',
        'api-path features/planted/bad.ts:3',
        'copied-shape features/planted/bad.ts:4',
        'derived-name features/planted/bad.ts:9',
        'one-door features/planted/bad.ts:2',
      ].sort(),
    );
  });
});
