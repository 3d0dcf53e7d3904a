import { CODE_LISTS, type CodeListEntry, type CodeListName } from './code-lists.js';

/**
 * The indicators of the support point and the coordinators (definitions: docs/indicators.md). Each is a table
 * of rows (region, month, category, measure, value); `total` is the category of a table's total.
 */
export const INDICATOR_IDS = [
  'new_cases',
  'reach_target_group',
  'reach_education',
  'referral_sources',
  'contacts_per_case',
  'days_to_first_contact',
  'days_to_first_referral',
  'referral_outcomes',
  'exit_reasons',
  'objectives_met',
  'follow_up',
  'offer_gaps',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATOR_MEASURES = [
  'count',
  'share',
  'median_days',
  'p75_days',
  'sent',
  'accepted',
  'enrolled',
  'started',
  'completed',
  'accepted_rate',
  'enrolled_rate',
  'started_rate',
  'completed_rate',
  'done',
  'in_education',
  'certificate',
  'employed',
  'in_education_rate',
  'certificate_rate',
  'employed_rate',
] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** Breakdowns of an indicator request. */
export const INDICATOR_GROUP_BY = ['region', 'month'] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BY)[number];

/** Default small-cell threshold: counts from 1 to k−1 are suppressed in anything central. */
export const DEFAULT_SUPPRESSION_K = 5;

/** Names of the indicators and measures, Dutch and English (exports, dashboards). */
export const INDICATOR_LABELS: Record<IndicatorId, { nl: string; en: string }> = {
  new_cases: { nl: 'Nieuwe trajecten', en: 'New cases' },
  reach_target_group: { nl: 'Bereik per doelgroep', en: 'Reach by target group' },
  reach_education: { nl: 'Bereik per onderwijsniveau', en: 'Reach by education level' },
  referral_sources: { nl: 'Verwijzers', en: 'Referral sources' },
  contacts_per_case: { nl: 'Gesprekken per traject', en: 'Contacts per case' },
  days_to_first_contact: { nl: 'Dagen tot eerste gesprek', en: 'Days to first contact' },
  days_to_first_referral: { nl: 'Dagen tot eerste toeleiding', en: 'Days to first referral' },
  referral_outcomes: { nl: 'Toeleidingen en uitkomsten', en: 'Referrals and outcomes' },
  exit_reasons: { nl: 'Redenen van afsluiten', en: 'Exit reasons' },
  objectives_met: { nl: 'Doelen bereikt', en: 'Objectives met' },
  follow_up: { nl: 'Opvolging na afsluiten', en: 'Follow-up after closing' },
  offer_gaps: { nl: 'Geen passend aanbod', en: 'No suitable offer' },
};

export const MEASURE_LABELS: Record<IndicatorMeasure, { nl: string; en: string }> = {
  count: { nl: 'Aantal', en: 'Count' },
  share: { nl: 'Aandeel', en: 'Share' },
  median_days: { nl: 'Mediaan (dagen)', en: 'Median (days)' },
  p75_days: { nl: '75e percentiel (dagen)', en: '75th percentile (days)' },
  sent: { nl: 'Verstuurd', en: 'Sent' },
  accepted: { nl: 'Aanvaard', en: 'Accepted' },
  enrolled: { nl: 'Ingeschreven', en: 'Enrolled' },
  started: { nl: 'Gestart', en: 'Started' },
  completed: { nl: 'Afgerond', en: 'Completed' },
  accepted_rate: { nl: 'Aandeel aanvaard', en: 'Accepted rate' },
  enrolled_rate: { nl: 'Aandeel ingeschreven', en: 'Enrolled rate' },
  started_rate: { nl: 'Aandeel gestart', en: 'Started rate' },
  completed_rate: { nl: 'Aandeel afgerond', en: 'Completed rate' },
  done: { nl: 'Uitgevoerd', en: 'Done' },
  in_education: { nl: 'In opleiding', en: 'In education' },
  certificate: { nl: 'Certificaat behaald', en: 'Certificate obtained' },
  employed: { nl: 'Aan het werk', en: 'Employed' },
  in_education_rate: { nl: 'Aandeel in opleiding', en: 'In education rate' },
  certificate_rate: { nl: 'Aandeel met certificaat', en: 'Certificate rate' },
  employed_rate: { nl: 'Aandeel aan het werk', en: 'Employed rate' },
};

/** The code list whose labels name an indicator's categories (others: see categoryLabel). */
export const INDICATOR_CATEGORY_LIST: Partial<Record<IndicatorId, CodeListName>> = {
  new_cases: 'caseKinds',
  reach_target_group: 'targetGroups',
  reach_education: 'educationLevels',
  referral_sources: 'referralSources',
  referral_outcomes: 'partnerTypes',
  exit_reasons: 'exitReasons',
  objectives_met: 'objectivesMet',
  offer_gaps: 'themes',
};

const SPECIAL_CATEGORIES: Record<string, { nl: string; en: string }> = {
  total: { nl: 'Totaal', en: 'Total' },
  all: { nl: 'Alle', en: 'All' },
  low_qualified: { nl: 'Laaggeschoold (ISCED 0–2)', en: 'Low-qualified (ISCED 0–2)' },
};

/** The label of a category of an indicator, in Dutch or English. */
export function categoryLabel(indicator: IndicatorId, category: string, language: 'nl' | 'en'): string {
  const special = SPECIAL_CATEGORIES[category];
  if (special) return special[language];
  const list = INDICATOR_CATEGORY_LIST[indicator];
  const entries: readonly CodeListEntry[] = list ? [...CODE_LISTS[list], ...CODE_LISTS.dataQuality] : [];
  const entry = entries.find((candidate) => candidate.code === category);
  if (entry) return entry[language];
  if (indicator === 'follow_up') return language === 'nl' ? `${category} maanden` : `${category} months`;
  if (indicator === 'contacts_per_case') return language === 'nl' ? `${category} gesprekken` : `${category} contacts`;
  return category;
}
