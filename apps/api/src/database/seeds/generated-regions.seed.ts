import type { DataSource, QueryRunner } from 'typeorm';
import { CODE_LISTS, ProblemCode } from '@leerwinkel/contracts';
import { mapBounded } from '../../common/async/map-bounded.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { IndicatorFactsRepository } from '../../modules/indicators/indicator-facts.repository.js';
import type { ReferralActor, ReferralStatus } from '../../modules/referrals/referral-state-machine.js';
import { REGION_SCHEMA_LOCK_NAMESPACE } from '../../tenancy/advisory-locks.js';
import { type PlatformRoles, quoteIdent } from '../../tenancy/region-naming.js';
import { RegionProvisioner } from '../../tenancy/region-provisioner.js';

/**
 * Generated load-test regions (`pnpm db:generate`, `pnpm bench:dashboard`): `gen-001`, `gen-002`, … filled
 * with realistic, deterministic data — the same seed, case count, months and day of generation give the same
 * rows with the same ids (the ids of regions, and of partners the generator has to create, come from the
 * database).
 * Everything is computed by PostgreSQL (INSERT … SELECT over generate_series; every random choice is a hash of
 * the row number and the seed), never row by row from Node. Rerunnable: a region that already has cases is
 * left as it is.
 *
 * Shapes follow the domain glossary and what the app itself writes: a quarter info cases, about 60 % closed
 * with an exit reason and objectives, 0–6 contacts of about an hour, referrals of about 35 % of the cases under
 * a partner_sharing consent with their packet and events along the referral state machine, 3/6/12-month
 * follow-ups of closed guidance cases (when the learner consented to outcome follow-up), "no suitable offer"
 * signals on about 5 % of the cases.
 */

export interface GenerateOptions {
  regions: number;
  casesPerRegion: number;
  months: number;
  seed: number;
  /** Regions filled at the same time (each is one transaction on its own connection). */
  concurrency?: number;
  /** "Now" of the generated data (default: midnight UTC of the current day). */
  today?: Date;
}

export interface GeneratedRegion {
  slug: string;
  id: string;
  schemaName: string;
  roleName: string;
  /** false: the region already had its data (nothing written). */
  filled: boolean;
  rows: number;
  fillMs: number;
  /** null: the facts were already there (not recomputed). */
  refreshMs: number | null;
  factRows: number | null;
}

export interface GenerateReport {
  regions: GeneratedRegion[];
  rows: number;
  ms: number;
}

/** Limits of the flags (the slug numbering has three digits). */
export const GENERATE_LIMITS = {
  regions: { min: 1, max: 999 },
  casesPerRegion: { min: 1, max: 1_000_000 },
  months: { min: 1, max: 120 },
  seed: { min: 0, max: 2_147_483_647 },
} as const;

export const GENERATED_SLUG_PREFIX = 'gen-';

export function generatedSlug(index: number): string {
  return `${GENERATED_SLUG_PREFIX}${String(index).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// SQL building blocks
// ---------------------------------------------------------------------------------------------------------

/** Relative weights of the choices (need not add up to 100). */
type Weights = readonly (readonly [string | number, number])[];

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/**
 * A uniform draw in [0, 1) for row `key` (an integer SQL expression) and decision `salt`: a hash of both and
 * the region's seed (`p.seed` of gen_param), so the same input always gives the same draw.
 */
function u(key: string, salt: number): string {
  return `((hashint8extended((${key})::bigint, p.seed + ${String(salt)}) & 4294967295)::float8 / 4294967296.0)`;
}

/**
 * A deterministic id for row `key` (an integer SQL expression) of `table`: a prefix hashed from the region's
 * seed and the table, then the key — unique, the same on every run, and increasing within a region (new
 * index entries land at the right edge of the B-tree, which keeps bulk inserts fast). The version and variant
 * digits are those of a version-4 UUID: the API's path parameters accept only well-formed UUIDs.
 */
function id(table: string, key: string): string {
  const prefix = `md5(p.seed || ':${table}')`;
  return `(substr(${prefix}, 1, 12) || '4' || substr(${prefix}, 14, 3) || '8' || substr(${prefix}, 18, 3) || lpad(to_hex(${key}), 12, '0'))::uuid`;
}

/** A weighted choice with `draw` (a [0, 1) SQL expression). */
function pick(draw: string, weights: Weights): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const whens = weights.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${draw} < ${(cumulative / total).toFixed(6)} THEN ${literal(value)}`;
  });
  const last = weights.at(-1);
  if (!last) throw new Error('pick() needs at least one choice');
  return `(CASE ${whens.join(' ')} ELSE ${literal(last[0])} END)`;
}

/** `CASE <expression> WHEN <key> THEN <sql> … END`. */
function caseOf(expression: string, branches: Record<string, string>, otherwise = 'NULL'): string {
  const whens = Object.entries(branches).map(([key, sql]) => `WHEN ${literal(key)} THEN ${sql}`);
  return `(CASE ${expression} ${whens.join(' ')} ELSE ${otherwise} END)`;
}

function literals(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, literal(text)]));
}

function array(values: readonly string[]): string {
  return `ARRAY[${values.map(literal).join(', ')}]::text[]`;
}

const BRUSSELS = "'Europe/Brussels'";

// ---------------------------------------------------------------------------------------------------------
// Distributions (codes from the shared code lists)
// ---------------------------------------------------------------------------------------------------------

const GENDERS: Weights = [['female', 53], ['male', 44], ['x', 1], ['not_given', 2]];
const LANGUAGES: Weights = [['nl', 52], ['ar', 11], ['fr', 6], ['tr', 5], ['ro', 4], ['uk', 4], ['pl', 3], ['fa', 3], ['ti', 3], ['en', 2], ['ru', 1], ['ps', 1], ['ku', 1], ['ln', 1], ['it', 1], ['vi', 1], ['sw', 1]];
const DUTCH_LEVELS: Weights = [['A0', 12], ['A1', 22], ['A2', 24], ['B1', 22], ['B2', 12], ['C1', 6], ['C2', 2]];
/** ISCED 0–2 (low-qualified) is 45 %. */
const EDUCATION: Weights = [
  ['isced_0', 7], ['isced_1', 13], ['isced_2', 25], ['isced_3', 22], ['isced_4', 5], ['isced_5', 2], ['isced_6', 7], ['isced_7', 4], ['isced_8', 1],
  ['foreign_not_recognised', 8], ['unknown', 4], ['prefers_not_to_say', 1], ['not_collected', 1],
];
const LOW_QUALIFIED = ['isced_0', 'isced_1', 'isced_2'];
const EMPLOYMENT: Weights = [['job_seeker', 38], ['employed', 26], ['inactive', 18], ['self_employed', 4], ['student', 4], ['retired', 2], ['other', 3], ['unknown', 5]];
const REFERRAL_SOURCES: Weights = [['self', 34], ['vdab', 24], ['ocmw', 12], ['integration_office', 10], ['clb', 3], ['partner', 11], ['other', 6]];

// prettier-ignore
const FEMALE_NAMES = ['Annelies', 'Els', 'Sofie', 'Lotte', 'Hanne', 'Griet', 'Fatima', 'Nadia', 'Samira', 'Ayşe', 'Elif', 'Agnieszka', 'Ioana', 'Olena', 'Rania', 'Zahra', 'Grâce', 'Senait', 'Maria', 'Chloé', 'Noor', 'Marieke'];
// prettier-ignore
const MALE_NAMES = ['Jan', 'Pieter', 'Koen', 'Bart', 'Stijn', 'Wouter', 'Mohamed', 'Youssef', 'Karim', 'Mehmet', 'Emre', 'Piotr', 'Andrei', 'Oleksandr', 'Ahmad', 'Omar', 'Mohammad', 'Patrick', 'Yonas', 'Giuseppe', 'Thomas', 'Jef'];
// prettier-ignore
const SURNAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Vermeulen', 'Dubois', 'Lambert', 'El Amrani', 'Benali', 'Yılmaz', 'Kaya', 'Nowak', 'Popescu', 'Shevchenko', 'Haddad', 'Ahmadi', 'Mukendi', 'Tesfamariam', 'Rossi', 'Nguyen', 'Mensah', 'Van Damme', 'De Vos', 'Hermans', "D'Hondt", 'Vandenberghe'];
// prettier-ignore
const PLACES: readonly (readonly [string, string])[] = [['8000', 'Brugge'], ['8500', 'Kortrijk'], ['8400', 'Oostende'], ['9000', 'Gent'], ['9300', 'Aalst'], ['9100', 'Sint-Niklaas'], ['2000', 'Antwerpen'], ['2800', 'Mechelen'], ['2300', 'Turnhout'], ['3500', 'Hasselt'], ['3600', 'Genk'], ['3000', 'Leuven'], ['1800', 'Vilvoorde'], ['1000', 'Brussel'], ['1080', 'Sint-Jans-Molenbeek'], ['3800', 'Sint-Truiden']];

/** Planned contacts per case (0–6); many adults come once, many two or three times. */
const CONTACTS_INFO: Weights = [[0, 10], [1, 72], [2, 15], [3, 3]];
const CONTACTS_GUIDANCE: Weights = [[0, 4], [1, 22], [2, 24], [3, 20], [4, 14], [5, 9], [6, 7]];
const CHANNELS: Weights = [['in_person', 60], ['phone', 20], ['video', 8], ['email', 5], ['outreach', 7]];

const GENERAL_THEMES: Weights = [
  ['vocational_training', 24], ['career_orientation', 20], ['digital_skills', 12], ['higher_education', 8], ['secondary_diploma', 8],
  ['entrepreneurship', 6], ['financing', 6], ['dutch_language', 6], ['basic_skills', 4], ['diploma_recognition', 2],
];
const LEARNING_QUESTIONS: Record<string, string> = {
  dutch_language: 'Ik wil beter Nederlands leren om werk te vinden.',
  basic_skills: 'Ik wil beter leren lezen, schrijven en rekenen.',
  secondary_diploma: 'Ik wil alsnog mijn diploma secundair onderwijs halen.',
  vocational_training: 'Welke opleiding past bij mij om van beroep te veranderen?',
  higher_education: 'Kan ik nog een bachelor volgen naast mijn werk?',
  diploma_recognition: 'Hoe laat ik mijn buitenlands diploma erkennen?',
  digital_skills: 'Ik wil leren werken met een computer en een smartphone.',
  entrepreneurship: 'Ik wil een eigen zaak starten: welke opleiding heb ik nodig?',
  career_orientation: 'Ik weet niet goed welke richting ik uit wil met mijn loopbaan.',
  financing: 'Hoe kan ik een opleiding betalen? Heb ik recht op opleidingscheques?',
};
const GOALS: Record<string, string> = {
  dutch_language: 'Niveau B1 Nederlands halen binnen het jaar.',
  basic_skills: 'Zelfstandig formulieren kunnen invullen.',
  secondary_diploma: 'Ingeschreven in het tweedekansonderwijs.',
  vocational_training: 'Gestart met een beroepsopleiding die bij het profiel past.',
  higher_education: 'Ingeschreven in een bachelor of graduaat.',
  diploma_recognition: 'Aanvraag tot gelijkwaardigheid ingediend.',
  digital_skills: 'Basiscursus digitale vaardigheden gevolgd.',
  entrepreneurship: 'Gestart met een opleiding bedrijfsbeheer.',
  career_orientation: 'Een duidelijke opleidingskeuze gemaakt.',
  financing: 'Financiering van de opleiding geregeld.',
};
/** Barriers: the chance for a guidance case (an info case has 40 % of it); language depends on the Dutch level. */
const BARRIER_ODDS: readonly (readonly [string, number])[] = [
  ['cost', 0.2], ['motivation', 0.07], ['health', 0.1], ['family_childcare', 0.15], ['confidence', 0.18],
  ['mobility', 0.12], ['digital_skills', 0.14], ['time', 0.16], ['information', 0.2],
];

const EXIT_INFO: Weights = [['referred_elsewhere', 45], ['started_course', 20], ['no_longer_interested', 10], ['lost_contact', 10], ['other', 10], ['found_work', 5]];
const EXIT_EARLY: Weights = [['lost_contact', 35], ['no_longer_interested', 20], ['referred_elsewhere', 15], ['started_course', 12], ['found_work', 8], ['moved', 4], ['other', 6]];
const EXIT_LATE: Weights = [['started_course', 36], ['found_work', 16], ['lost_contact', 14], ['no_longer_interested', 8], ['referred_elsewhere', 10], ['moved', 6], ['other', 10]];
const OBJECTIVES_BY_EXIT: Record<string, Weights> = {
  started_course: [['fully', 55], ['partly', 30], ['no', 5], ['unknown', 10]],
  found_work: [['fully', 40], ['partly', 35], ['no', 10], ['unknown', 15]],
  moved: [['unknown', 60], ['partly', 20], ['no', 20]],
  lost_contact: [['unknown', 75], ['no', 15], ['partly', 10]],
  no_longer_interested: [['no', 50], ['partly', 20], ['unknown', 30]],
  referred_elsewhere: [['partly', 45], ['fully', 25], ['unknown', 25], ['no', 5]],
  other: [['fully', 20], ['partly', 30], ['no', 20], ['unknown', 30]],
};

/** The partner type a referral goes to, by the case's main theme. */
const PARTNER_TYPE_BY_THEME: Record<string, Weights> = {
  dutch_language: [['huis_van_het_nederlands', 45], ['cvo', 45], ['integration_office', 10]],
  basic_skills: [['cbe', 80], ['cvo', 20]],
  secondary_diploma: [['cvo', 85], ['clb', 5], ['other', 10]],
  vocational_training: [['vdab', 65], ['cvo', 20], ['syntra', 15]],
  higher_education: [['university_college', 80], ['cvo', 20]],
  diploma_recognition: [['other', 50], ['integration_office', 30], ['huis_van_het_nederlands', 20]],
  digital_skills: [['cbe', 50], ['cvo', 30], ['vdab', 20]],
  entrepreneurship: [['syntra', 80], ['vdab', 20]],
  career_orientation: [['vdab', 50], ['cvo', 30], ['syntra', 10], ['ocmw', 10]],
  financing: [['ocmw', 60], ['vdab', 40]],
};
const DECLINE_REASONS: Weights = [
  ['full', 28], ['not_eligible', 12], ['level_mismatch', 10], ['offer_cancelled', 5],
  ['learner_not_interested', 18], ['learner_unreachable', 10], ['learner_practical', 12], ['other', 5],
];
const OFFER_GAP_DESCRIPTIONS = [
  'Geen aanbod op een haalbaar tijdstip (avond of weekend).',
  'Wachtlijst van meer dan drie maanden.',
  'Geen aanbod in de buurt; openbaar vervoer ontbreekt.',
  'Het aanbod is te duur voor de lerende.',
  'Geen aanbod op het gevraagde niveau.',
];

/** When a move happens: some days after the previous one, at the answer deadline, or at the start date. */
type MoveTiming = { days: readonly [number, number] } | { at: 'respond_by' } | { at: 'start'; days: readonly [number, number] };

export interface ReferralMove {
  from: ReferralStatus;
  to: ReferralStatus;
  actor: ReferralActor;
  /** Relative weight among the moves out of `from`. */
  weight: number;
  timing: MoveTiming;
}

/**
 * How generated referrals move on: sent → received → accepted → scheduled → enrolled → started → completed,
 * with realistic drop-off (declined, waitlisted, no-show, dropped out), expiry when the partner does not answer
 * by the deadline, and withdrawal by the counsellor. Only moves the referral state machine allows (a test
 * checks every generated event against it). A walk stops where the next move would lie in the future.
 */
// prettier-ignore
export const REFERRAL_MOVES: readonly ReferralMove[] = [
  { from: 'sent', to: 'received', actor: 'partner', weight: 86, timing: { days: [0, 4] } },
  { from: 'sent', to: 'accepted', actor: 'partner', weight: 3, timing: { days: [1, 7] } },
  { from: 'sent', to: 'expired', actor: 'system', weight: 8, timing: { at: 'respond_by' } },
  { from: 'sent', to: 'withdrawn', actor: 'region', weight: 3, timing: { days: [1, 10] } },
  { from: 'received', to: 'accepted', actor: 'partner', weight: 66, timing: { days: [1, 7] } },
  { from: 'received', to: 'waitlisted', actor: 'partner', weight: 10, timing: { days: [1, 7] } },
  { from: 'received', to: 'declined', actor: 'partner', weight: 14, timing: { days: [1, 7] } },
  { from: 'received', to: 'expired', actor: 'system', weight: 6, timing: { at: 'respond_by' } },
  { from: 'received', to: 'withdrawn', actor: 'region', weight: 4, timing: { days: [1, 10] } },
  { from: 'waitlisted', to: 'accepted', actor: 'partner', weight: 60, timing: { days: [14, 90] } },
  { from: 'waitlisted', to: 'declined', actor: 'partner', weight: 30, timing: { days: [14, 60] } },
  { from: 'waitlisted', to: 'withdrawn', actor: 'region', weight: 10, timing: { days: [7, 60] } },
  { from: 'accepted', to: 'scheduled', actor: 'partner', weight: 82, timing: { days: [1, 14] } },
  { from: 'accepted', to: 'enrolled', actor: 'partner', weight: 10, timing: { days: [1, 14] } },
  { from: 'accepted', to: 'declined', actor: 'partner', weight: 5, timing: { days: [1, 14] } },
  { from: 'accepted', to: 'withdrawn', actor: 'region', weight: 3, timing: { days: [1, 14] } },
  { from: 'scheduled', to: 'enrolled', actor: 'partner', weight: 84, timing: { days: [1, 7] } },
  { from: 'scheduled', to: 'no_show', actor: 'partner', weight: 10, timing: { at: 'start', days: [7, 30] } },
  { from: 'scheduled', to: 'declined', actor: 'partner', weight: 6, timing: { days: [1, 7] } },
  { from: 'enrolled', to: 'started', actor: 'partner', weight: 90, timing: { at: 'start', days: [1, 14] } },
  { from: 'enrolled', to: 'no_show', actor: 'partner', weight: 10, timing: { at: 'start', days: [1, 14] } },
  { from: 'started', to: 'completed', actor: 'partner', weight: 72, timing: { days: [30, 180] } },
  { from: 'started', to: 'dropped_out', actor: 'partner', weight: 28, timing: { days: [7, 120] } },
];

/** The moves as SQL VALUES rows: (from, to, actor, lo, hi, timing, min_days, max_days) with [lo, hi) draw ranges. */
function movesValues(): string {
  const totals = new Map<string, number>();
  for (const move of REFERRAL_MOVES) totals.set(move.from, (totals.get(move.from) ?? 0) + move.weight);
  const seen = new Map<string, number>();
  return REFERRAL_MOVES.map((move) => {
    const total = totals.get(move.from) ?? 1;
    const before = seen.get(move.from) ?? 0;
    seen.set(move.from, before + move.weight);
    const lo = before / total;
    const hi = before + move.weight === total ? 2 : (before + move.weight) / total;
    const timing = 'at' in move.timing ? move.timing.at : 'days';
    const [min, max] = 'days' in move.timing ? move.timing.days : [0, 0];
    return `(${[move.from, move.to, move.actor].map(literal).join(', ')}, ${lo.toFixed(6)}::float8, ${hi.toFixed(6)}::float8, ${literal(timing)}, ${String(min)}, ${String(max)})`;
  }).join(',\n        ');
}

// ---------------------------------------------------------------------------------------------------------
// The statements (in the region's search_path; gen_* are temporary tables of the transaction)
// ---------------------------------------------------------------------------------------------------------

/** When contact `j` (0-based) of case row `c` takes place: `f` days after opening, then every `g` days. */
function contactAt(c: string, j: string): string {
  return `(${c}.opened_at + (${c}.f + (${j}) * ${c}.g) * interval '1 day' + ${u(`${c}.i * 8 + (${j})`, 21)} * interval '3 hours')`;
}

const CREATE_PARAMS = `
  CREATE TEMP TABLE gen_param ON COMMIT DROP AS
  SELECT $1::bigint AS seed, $2::int AS n, $3::int AS learners, $4::timestamptz AS today,
         ($4::timestamptz AT TIME ZONE ${BRUSSELS})::date AS today_date,
         (($4::timestamptz AT TIME ZONE ${BRUSSELS})::date - make_interval(months => $5::int))::date AS first_day,
         $6::uuid AS region_id, $7::text AS slug, $8::text AS region_name,
         $9::uuid[] AS counsellors, $10::text[] AS counsellor_names, $11::text[] AS counsellor_emails,
         (SELECT referral_expiry_days FROM region_settings) AS expiry_days`;

const CREATE_PARTNERS = `
  CREATE TEMP TABLE gen_partner ON COMMIT DROP AS
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t (type, id, name)`;

const CREATE_LEARNERS = `
  CREATE TEMP TABLE gen_learner ON COMMIT DROP AS
  WITH d AS (
    SELECT i, ${id('learner', 'i')} AS id,
           ${pick(u('i', 1), GENDERS)} AS gender,
           date '1960-01-01' + floor(${u('i', 2)} * (date '2005-12-31' - date '1960-01-01' + 1))::int AS date_of_birth,
           ${pick(u('i', 3), LANGUAGES)} AS native_language,
           ${pick(u('i', 4), EDUCATION)} AS education_level,
           ${pick(u('i', 5), EMPLOYMENT)} AS employment_status,
           ${pick(u('i', 6), REFERRAL_SOURCES)} AS referral_source,
           ${u('i', 7)} AS u_dutch, ${u('i', 8)} AS u_name, ${u('i', 9)} AS u_surname, ${u('i', 10)} AS u_place,
           ${u('i', 11)} AS u_contact, ${u('i', 12)} AS u_newcomer, ${u('i', 13)} AS u_groups, ${u('i', 14)} AS u_income,
           ${u('i', 15)} AS u_detainee, ${u('i', 16)} AS u_consent
      FROM gen_param p, generate_series(0, p.learners - 1) AS i
  ), named AS (
    SELECT d.*,
           CASE WHEN d.gender = 'female' OR (d.gender IN ('x', 'not_given') AND d.u_name < 0.5)
                THEN (${array(FEMALE_NAMES)})[1 + floor(d.u_name * ${String(FEMALE_NAMES.length)})::int]
                ELSE (${array(MALE_NAMES)})[1 + floor(d.u_name * ${String(MALE_NAMES.length)})::int] END AS first_name,
           (${array(SURNAMES)})[1 + floor(d.u_surname * ${String(SURNAMES.length)})::int] AS last_name,
           1 + floor(d.u_place * ${String(PLACES.length)})::int AS place,
           CASE WHEN d.native_language = 'nl' THEN 'native' ELSE ${pick('d.u_dutch', DUTCH_LEVELS)} END AS dutch_level,
           d.native_language NOT IN ('nl', 'fr') AND d.u_newcomer < 0.55 AS newcomer
      FROM d
  )
  SELECT n.i, n.id, n.first_name, n.last_name, n.date_of_birth, n.gender, n.native_language, n.dutch_level, n.education_level,
         n.employment_status, n.referral_source,
         CASE WHEN n.u_contact < 0.6 THEN regexp_replace(lower(n.first_name || '.' || n.last_name), '[^a-z.]', '', 'g') || n.i || '@voorbeeld.be' END AS email,
         CASE WHEN n.u_contact < 0.2 OR n.u_contact >= 0.5 THEN '04' || lpad((floor(n.u_contact * 100000000)::int % 100000000)::text, 8, '0') END AS phone,
         (${array(PLACES.map(([code]) => code))})[n.place] AS postal_code,
         (${array(PLACES.map(([, name]) => name))})[n.place] AS municipality,
         array_remove(ARRAY[
           CASE WHEN n.education_level IN (${LOW_QUALIFIED.map(literal).join(', ')}) THEN 'low_qualified' END,
           CASE WHEN n.newcomer THEN 'newcomer' END,
           CASE WHEN n.date_of_birth <= (p.today_date - interval '55 years')::date THEN 'age_55_plus' END,
           CASE WHEN n.u_groups < 0.06 THEN 'disability' END,
           CASE WHEN n.employment_status = 'job_seeker' THEN 'job_seeker' END,
           CASE WHEN n.u_income < 0.22 THEN 'low_income' END,
           CASE WHEN n.u_detainee < 0.01 THEN 'detainee' END
         ]::text[], NULL) AS target_groups,
         n.u_consent < 0.8 AS outcome_consent
    FROM named n CROSS JOIN gen_param p`;

/** Every case with its timeline and outcome, decided once; the inserts below read from it. */
const CREATE_CASES = `
  CREATE TEMP TABLE gen_case ON COMMIT DROP AS
  WITH base AS (
    SELECT i, ${id('case', 'i')} AS id,
           CASE WHEN i < p.learners THEN i ELSE floor(${u('i', 101)} * p.learners)::int END AS learner,
           CASE WHEN ${u('i', 102)} < 0.25 THEN 'info' ELSE 'guidance' END AS kind,
           1 + floor(${u('i', 103)} * cardinality(p.counsellors))::int AS counsellor_no,
           p.first_day + floor(${u('i', 104)} * (p.today_date - p.first_day))::int AS opened_day,
           ${u('i', 105)} AS u_time, ${u('i', 106)} AS u_k, ${u('i', 107)} AS u_f, ${u('i', 108)} AS u_g, ${u('i', 109)} AS u_tail,
           ${u('i', 110)} AS u_close, ${u('i', 111)} AS u_follow_up
      FROM gen_param p, generate_series(0, p.n - 1) AS i
  ), timed AS MATERIALIZED (
    SELECT b.*, p.counsellors[b.counsellor_no] AS counsellor_id,
           ((b.opened_day - CASE extract(isodow FROM b.opened_day) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END) + time '08:30' + b.u_time * interval '9 hours') AT TIME ZONE ${BRUSSELS} AS opened_at,
           CASE WHEN b.kind = 'info' THEN ${pick('b.u_k', CONTACTS_INFO)} ELSE ${pick('b.u_k', CONTACTS_GUIDANCE)} END AS k,
           floor(61 * b.u_f ^ 3)::int AS f,
           7 + floor(b.u_g * 35)::int AS g,
           CASE WHEN b.kind = 'info' THEN 1 + floor(b.u_tail * 10) ELSE 1 + floor(b.u_tail * 30) END::int AS tail
      FROM base b CROSS JOIN gen_param p
  ), planned AS (
    SELECT t.*, t.opened_at + (CASE WHEN t.k = 0 THEN 0 ELSE t.f + (t.k - 1) * t.g END + t.tail) * interval '1 day' + interval '2 hours' AS planned_end
      FROM timed t
  ), decided AS (
    SELECT pl.*, pl.u_close < CASE pl.kind WHEN 'info' THEN 0.8 ELSE 0.6 END AND pl.planned_end < p.today AS closed
      FROM planned pl CROSS JOIN gen_param p
  ), done AS MATERIALIZED (
    SELECT c.*, CASE WHEN c.closed THEN c.planned_end END AS closed_at,
           (SELECT count(*)::int FROM generate_series(0, c.k - 1) AS j WHERE ${contactAt('c', 'j')} <= CASE WHEN c.closed THEN c.planned_end ELSE p.today END) AS n_done
      FROM decided c CROSS JOIN gen_param p
  ), progressed AS (
    SELECT c.*,
           CASE WHEN c.n_done >= 1 THEN ${contactAt('c', '0')} END AS c1_at,
           CASE WHEN c.n_done >= 2 THEN ${contactAt('c', '1')} END AS c2_at,
           CASE WHEN c.n_done >= 1 THEN ${contactAt('c', 'c.n_done - 1')} END AS clast_at
      FROM done c CROSS JOIN gen_param p
  ), staged AS MATERIALIZED (
    SELECT c.*,
           c.kind = 'guidance' AND c.n_done >= 3
             AND CASE WHEN c.closed THEN c.u_follow_up < 0.5 ELSE c.n_done = c.k AND p.today - c.clast_at > interval '21 days' END AS follow_up,
           l.dutch_level, l.education_level, l.outcome_consent,
           CASE WHEN l.dutch_level IN ('A0', 'A1', 'A2') AND ${u('c.i', 120)} < 0.6 THEN 'dutch_language'
                WHEN l.education_level = 'foreign_not_recognised' AND ${u('c.i', 120)} < 0.45 THEN 'diploma_recognition'
                WHEN l.education_level IN (${LOW_QUALIFIED.map(literal).join(', ')}) AND ${u('c.i', 120)} < 0.4
                  THEN CASE WHEN ${u('c.i', 121)} < 0.65 THEN 'secondary_diploma' ELSE 'basic_skills' END
                ELSE ${pick(u('c.i', 121), GENERAL_THEMES)} END AS theme,
           CASE WHEN ${u('c.i', 122)} < CASE c.kind WHEN 'info' THEN 0.15 ELSE 0.45 END THEN ${pick(u('c.i', 123), GENERAL_THEMES)} END AS theme2,
           CASE WHEN NOT c.closed THEN NULL
                WHEN c.kind = 'info' THEN ${pick(u('c.i', 124), EXIT_INFO)}
                WHEN c.n_done <= 1 THEN ${pick(u('c.i', 124), EXIT_EARLY)}
                ELSE ${pick(u('c.i', 124), EXIT_LATE)} END AS exit_reason,
           array_remove(ARRAY[
             CASE WHEN ${u('c.i', 130)} < CASE WHEN l.dutch_level IN ('A0', 'A1', 'A2') THEN 0.7 WHEN l.dutch_level = 'B1' THEN 0.2 ELSE 0.02 END
                    * CASE c.kind WHEN 'info' THEN 0.4 ELSE 1 END THEN 'language' END,
             ${BARRIER_ODDS.map(([code, odds], n) => `CASE WHEN ${u('c.i', 131 + n)} < ${String(odds)} * CASE c.kind WHEN 'info' THEN 0.4 ELSE 1 END THEN ${literal(code)} END`).join(',\n             ')}
           ]::text[], NULL) AS barriers,
           ${u('c.i', 140)} < CASE c.kind WHEN 'info' THEN 0.2 ELSE 0.42 END AS wants_referral,
           c.opened_at + (c.f + floor(${u('c.i', 141)} * 21)::int) * interval '1 day' + interval '1 hour' + ${u('c.i', 142)} * interval '4 hours' AS planned_sent_at,
           ${u('c.i', 143)} < 0.85 AS share_contact,
           ${u('c.i', 144)} < 0.055 AS offer_gap,
           c.opened_at + (c.f + floor(${u('c.i', 145)} * 14)::int) * interval '1 day' + interval '2 hours' AS gap_at,
           ${u('c.i', 146)} AS u_partner, ${u('c.i', 147)} AS u_objectives, ${u('c.i', 148)} AS u_gap_text
      FROM progressed c JOIN gen_learner l ON l.i = c.learner CROSS JOIN gen_param p
  )
  SELECT s.*,
         CASE WHEN s.closed THEN 'closed' WHEN s.n_done = 0 THEN 'registered' WHEN s.kind = 'info' OR s.n_done = 1 THEN 'intake'
              WHEN s.follow_up THEN 'follow_up' ELSE 'guidance' END AS status,
         CASE WHEN s.theme2 IS NULL OR s.theme2 = s.theme THEN ARRAY[s.theme] ELSE ARRAY[s.theme, s.theme2] END AS themes,
         ${caseOf('s.exit_reason', Object.fromEntries(Object.entries(OBJECTIVES_BY_EXIT).map(([exit, weights]) => [exit, pick('s.u_objectives', weights)])))} AS objectives_met,
         ${caseOf('s.theme', literals(LEARNING_QUESTIONS))} AS learning_question,
         CASE WHEN s.kind = 'guidance' AND s.n_done >= 1 THEN ${caseOf('s.theme', literals(GOALS))} END AS goal,
         least(s.planned_sent_at, coalesce(s.closed_at - interval '1 hour', 'infinity')) AS sent_at,
         ${caseOf('s.theme', Object.fromEntries(Object.entries(PARTNER_TYPE_BY_THEME).map(([theme, weights]) => [theme, pick('s.u_partner', weights)])))} AS partner_type,
         (${array(OFFER_GAP_DESCRIPTIONS)})[1 + floor(s.u_gap_text * ${String(OFFER_GAP_DESCRIPTIONS.length)})::int] AS gap_description
    FROM staged s`;


/** Learners (created with their first case), in row order. */
const INSERT_LEARNERS = `
  INSERT INTO learner (id, first_name, last_name, date_of_birth, gender, email, phone, postal_code, municipality, native_language, dutch_level,
                       education_level, employment_status, target_groups, referral_source, created_by, created_at, updated_at)
  SELECT l.id, l.first_name, l.last_name, l.date_of_birth, l.gender, l.email, l.phone, l.postal_code, l.municipality, l.native_language, l.dutch_level,
         l.education_level, l.employment_status, l.target_groups, l.referral_source, f.counsellor_id, f.opened_at, f.opened_at
    FROM gen_learner l
    JOIN (SELECT DISTINCT ON (learner) learner, opened_at, counsellor_id FROM gen_case ORDER BY learner, opened_at) f ON f.learner = l.i
   ORDER BY l.i`;

/** Consent to processing for guidance (everyone) and to outcome follow-up (most), given at registration. */
const INSERT_CONSENTS = `
  INSERT INTO consent (id, learner_id, purpose, partner_id, text_version, given_at, registered_by, created_at)
  SELECT ${id('consent', 'l.i * 2 + c.no')}, l.id, c.purpose, NULL, 'v1', f.opened_at, f.counsellor_id, f.opened_at
    FROM gen_learner l CROSS JOIN gen_param p
    JOIN (SELECT DISTINCT ON (learner) learner, opened_at, counsellor_id FROM gen_case ORDER BY learner, opened_at) f ON f.learner = l.i
    CROSS JOIN LATERAL (VALUES (0, 'guidance_processing', true), (1, 'outcome_follow_up', l.outcome_consent)) AS c (no, purpose, given)
   WHERE c.given
   ORDER BY l.i, c.no`;

const INSERT_CASES = `
  INSERT INTO guidance_case (id, learner_id, kind, status, counsellor_id, learning_question, themes, barriers, goal, exit_reason, objectives_met,
                             opened_at, closed_at, version, created_at, updated_at)
  SELECT c.id, l.id, c.kind, c.status, c.counsellor_id, c.learning_question, c.themes, c.barriers, c.goal, c.exit_reason, c.objectives_met,
         c.opened_at, c.closed_at,
         1 + (c.n_done >= 1)::int + (c.kind = 'guidance' AND c.n_done >= 2)::int + c.follow_up::int + c.closed::int,
         c.opened_at, coalesce(c.closed_at, c.clast_at, c.opened_at)
    FROM gen_case c JOIN gen_learner l ON l.i = c.learner
   ORDER BY c.i`;

/** The lifecycle each case went through: registered → intake (first contact) → guidance → follow_up → closed. */
const INSERT_TRANSITIONS = `
  INSERT INTO case_transition (case_id, from_status, to_status, by_user, at)
  SELECT c.id, lag(t.status) OVER (PARTITION BY c.i ORDER BY t.step), t.status, c.counsellor_id, t.at
    FROM gen_case c
    CROSS JOIN LATERAL (VALUES (1, 'registered', c.opened_at, true),
                               (2, 'intake', c.c1_at, c.n_done >= 1),
                               (3, 'guidance', c.c2_at, c.kind = 'guidance' AND c.n_done >= 2),
                               (4, 'follow_up', c.clast_at, c.follow_up),
                               (5, 'closed', c.closed_at, c.closed)) AS t (step, status, at, happened)
   WHERE t.happened
   ORDER BY c.i, t.step`;

const INSERT_CONTACTS = `
  INSERT INTO contact (id, case_id, occurred_at, duration_minutes, channel, kind, counsellor_id, created_at)
  SELECT ${id('contact', 'c.i * 8 + j')}, c.id, ${contactAt('c', 'j')},
         CASE WHEN c.kind = 'info'
              THEN greatest(10, least(90, round(35 + (${u('c.i * 8 + j', 201)} + ${u('c.i * 8 + j', 202)} - 1) * 30)))
              ELSE greatest(15, least(180, round(60 + (${u('c.i * 8 + j', 201)} + ${u('c.i * 8 + j', 202)} + ${u('c.i * 8 + j', 203)} - 1.5) * 40))) END::int,
         ${pick(u('c.i * 8 + j', 204), CHANNELS)},
         CASE WHEN j = 0 THEN 'intake' WHEN c.follow_up AND j = c.n_done - 1 THEN 'follow_up' ELSE 'guidance' END,
         c.counsellor_id, ${contactAt('c', 'j')}
    FROM gen_case c CROSS JOIN gen_param p CROSS JOIN LATERAL generate_series(0, c.n_done - 1) AS j
   ORDER BY c.i, j`;

/** Follow-ups at 3, 6 and 12 months after closing a guidance case, where the learner consented; done ones with outcomes. */
const INSERT_FOLLOW_UPS = `
  INSERT INTO action_item (id, case_id, task, owner, due_date, done_at, follow_up_months, in_education, certificate_obtained, employed, version, created_at, updated_at)
  SELECT ${id('follow-up', 'c.i * 16 + m.months')}, c.id,
         'Opvolging na ' || m.months || ' maanden: nog in opleiding? attest? werk?', 'counsellor', d.due, d.done_at, m.months,
         CASE WHEN d.done_at IS NOT NULL THEN ${u('c.i * 16 + m.months', 301)} < CASE c.exit_reason WHEN 'started_course' THEN 0.8 - 0.02 * m.months WHEN 'referred_elsewhere' THEN 0.35 ELSE 0.15 END END,
         CASE WHEN d.done_at IS NOT NULL THEN ${u('c.i * 16 + m.months', 302)} < (0.05 * m.months) * CASE c.exit_reason WHEN 'started_course' THEN 1 ELSE 0.4 END END,
         CASE WHEN d.done_at IS NOT NULL THEN ${u('c.i * 16 + m.months', 303)} < CASE c.exit_reason WHEN 'found_work' THEN 0.85 ELSE 0.25 + 0.02 * m.months END END,
         CASE WHEN d.done_at IS NULL THEN 1 ELSE 2 END, c.closed_at, coalesce(d.done_at, c.closed_at)
    FROM gen_case c CROSS JOIN gen_param p
    CROSS JOIN (VALUES (3, 0.8), (6, 0.7), (12, 0.6)) AS m (months, done_share)
    CROSS JOIN LATERAL (SELECT ((c.closed_at AT TIME ZONE ${BRUSSELS}) + make_interval(months => m.months))::date AS due) AS due
    CROSS JOIN LATERAL (
      SELECT due.due,
             CASE WHEN due.due < p.today_date AND ${u('c.i * 16 + m.months', 304)} < m.done_share
                  THEN least(p.today - interval '1 hour', ((due.due + floor(${u('c.i * 16 + m.months', 305)} * 21)::int) + time '10:00') AT TIME ZONE ${BRUSSELS}) END AS done_at
    ) AS d
   WHERE c.closed AND c.kind = 'guidance' AND c.outcome_consent
   ORDER BY c.i, m.months`;

const INSERT_OFFER_GAPS = `
  INSERT INTO offer_gap (id, case_id, theme, description, signalled_by, signalled_at)
  SELECT ${id('offer-gap', 'c.i')}, c.id, c.theme, c.gap_description, c.counsellor_id, c.gap_at
    FROM gen_case c CROSS JOIN gen_param p
   WHERE c.offer_gap AND c.gap_at <= coalesce(c.closed_at, p.today)
   ORDER BY c.i`;

/** The referred cases: one referral each, to a partner of a type that fits the case's main theme. */
const CREATE_REFERRALS = `
  CREATE TEMP TABLE gen_referral ON COMMIT DROP AS
  SELECT (row_number() OVER (ORDER BY c.i) - 1)::int AS r, c.i, c.id AS case_id, c.counsellor_id, c.counsellor_no, c.share_contact,
         ${id('referral', 'c.i')} AS id, ${id('consent-sharing', 'c.i')} AS consent_id,
         pt.id AS partner_id, pt.name AS partner_name, c.sent_at, c.sent_at + p.expiry_days * interval '1 day' AS respond_by,
         l.id AS learner_id, l.first_name, l.last_name, l.email, l.phone, l.education_level, l.dutch_level, c.learning_question
    FROM gen_case c CROSS JOIN gen_param p
    JOIN gen_learner l ON l.i = c.learner
    JOIN gen_partner pt ON pt.type = c.partner_type
   WHERE c.wants_referral AND c.sent_at <= p.today`;

/** Each referral's walk through the state machine, one row per event (step 0 is `sent`). */
const CREATE_WALKS = `
  CREATE TEMP TABLE gen_walk ON COMMIT DROP AS
  WITH RECURSIVE moves (from_status, to_status, actor, lo, hi, timing, min_days, max_days) AS (
    VALUES ${movesValues()}
  ), walk AS (
    SELECT r.r, 0 AS step, NULL::text AS from_status, 'sent'::text AS to_status, 'region'::text AS actor, r.sent_at AS at,
           NULL::date AS start_date, NULL::text AS reason, r.respond_by
      FROM gen_referral r
    UNION ALL
    SELECT w.r, w.step + 1, w.to_status, m.to_status, m.actor, nx.at,
           CASE WHEN m.to_status = 'scheduled' THEN (nx.at + (7 + floor(${u('w.r * 16 + w.step', 402)} * 38)::int) * interval '1 day')::date ELSE w.start_date END,
           CASE WHEN m.to_status = 'declined' THEN ${pick(u('w.r * 16 + w.step', 403), DECLINE_REASONS)} END,
           w.respond_by
      FROM walk w CROSS JOIN gen_param p
      JOIN moves m ON m.from_status = w.to_status AND ${u('w.r * 16 + w.step', 401)} >= m.lo AND ${u('w.r * 16 + w.step', 401)} < m.hi
      CROSS JOIN LATERAL (
        SELECT w.at + (m.min_days + floor(${u('w.r * 16 + w.step', 404)} * (m.max_days - m.min_days + 1))::int) * interval '1 day'
                    + interval '1 hour' + ${u('w.r * 16 + w.step', 405)} * interval '6 hours' AS later
      ) AS gap
      CROSS JOIN LATERAL (
        SELECT CASE m.timing WHEN 'respond_by' THEN w.respond_by
                             WHEN 'start' THEN greatest(w.at + interval '1 hour', coalesce((w.start_date + time '09:00') AT TIME ZONE ${BRUSSELS}, gap.later))
                             ELSE gap.later END AS at
      ) AS nx
     WHERE nx.at <= p.today
  )
  SELECT * FROM walk`;

const INSERT_SHARING_CONSENTS = `
  INSERT INTO consent (id, learner_id, purpose, partner_id, text_version, given_at, registered_by, created_at)
  SELECT r.consent_id, r.learner_id, 'partner_sharing', r.partner_id, 'v1', r.sent_at - interval '10 minutes', r.counsellor_id, r.sent_at - interval '10 minutes'
    FROM gen_referral r ORDER BY r.r`;

const INSERT_REGION_REFERRALS = `
  INSERT INTO referral (id, case_id, consent_id, partner_id, offer_id, shared, created_by, created_at)
  SELECT r.id, r.case_id, r.consent_id, r.partner_id, NULL,
         jsonb_build_object('contactData', r.share_contact, 'learningQuestion', true, 'educationLevel', true, 'dutchLevel', true),
         r.counsellor_id, r.sent_at
    FROM gen_referral r ORDER BY r.r`;

/** The shared row with the packet the partner sees (the app's ReferralPacket), in its final state. */
const INSERT_EXCHANGE_REFERRALS = `
  INSERT INTO exchange.referral (id, region_id, partner_id, offer_id, status, packet, start_date, decline_reason, declined_by, respond_by, sent_at, updated_at, version)
  SELECT r.id, p.region_id, r.partner_id, NULL, last.to_status,
         jsonb_build_object(
           'region', jsonb_build_object('slug', p.slug, 'name', p.region_name),
           'partner', jsonb_build_object('id', r.partner_id, 'name', r.partner_name),
           'offer', NULL,
           'learner', CASE WHEN r.share_contact THEN jsonb_build_object('firstName', r.first_name, 'lastName', r.last_name, 'email', r.email, 'phone', r.phone) END,
           'learningQuestion', r.learning_question,
           'educationLevel', r.education_level,
           'dutchLevel', r.dutch_level,
           'preferredStart', NULL,
           'counsellor', jsonb_build_object('name', p.counsellor_names[r.counsellor_no], 'email', p.counsellor_emails[r.counsellor_no])),
         s.start_date, last.reason,
         CASE WHEN last.to_status = 'declined' THEN CASE WHEN starts_with(last.reason, 'learner_') THEN 'learner' ELSE 'provider' END END,
         r.respond_by, r.sent_at, last.at, s.events
    FROM gen_referral r CROSS JOIN gen_param p
    JOIN (SELECT w.r, max(w.step) AS last_step, count(*)::int AS events, max(w.start_date) AS start_date FROM gen_walk w GROUP BY w.r) s ON s.r = r.r
    JOIN gen_walk last ON last.r = s.r AND last.step = s.last_step
   ORDER BY r.r`;

const INSERT_REFERRAL_EVENTS = `
  INSERT INTO exchange.referral_event (referral_id, from_status, to_status, reason, start_date, actor_kind, actor_id, at)
  SELECT r.id, w.from_status, w.to_status, w.reason, CASE WHEN w.to_status = 'scheduled' THEN w.start_date END, w.actor,
         CASE WHEN w.actor = 'region' THEN r.counsellor_id::text END, w.at
    FROM gen_walk w JOIN gen_referral r ON r.r = w.r
   ORDER BY w.r, w.step`;

// ---------------------------------------------------------------------------------------------------------
// Orchestration
// ---------------------------------------------------------------------------------------------------------

interface Partner {
  type: string;
  id: string;
  name: string;
}

interface Counsellors {
  ids: string[];
  names: string[];
  emails: string[];
}

interface RegionRow {
  id: string;
  slug: string;
  display_name: string;
  schema_name: string;
  role_name: string;
}

/**
 * Statistics for the refresh right after filling: the join and filter columns of the facts query only. A
 * column-list ANALYZE is cheap and leaves autovacuum's change counter alone, so the full ANALYZE still follows.
 */
const ANALYZE_FOR_REFRESH = [
  'learner (id)',
  'guidance_case (id, learner_id, status)',
  'contact (case_id)',
  'referral (id, case_id)',
  'action_item (case_id, follow_up_months, done_at)',
  'offer_gap (case_id)',
];

/**
 * Provisions `gen-001` … and fills and refreshes each region that has no cases yet, `concurrency` regions at a
 * time. `log` gets one line per region.
 */
export async function generateRegions(
  owner: DataSource,
  identity: { rolePrefix: string; roles: PlatformRoles },
  options: GenerateOptions,
  log: (message: string) => void,
): Promise<GenerateReport> {
  checkOptions(options);
  const started = performance.now();
  const today = options.today ?? startOfToday();
  const partners = await ensurePartners(owner);
  const provisioner = new RegionProvisioner(owner, identity.rolePrefix, identity.roles);
  const indexes = Array.from({ length: options.regions }, (_, i) => i + 1);
  const regions = await mapBounded(indexes, options.concurrency ?? 2, async (index) => {
    const region = await ensureRegion(owner, provisioner, index);
    const result = await fillRegion(owner, region, index, partners, options, today);
    const line = result.filled
      ? `${region.slug}: ${options.casesPerRegion.toLocaleString('en')} cases, ${result.rows.toLocaleString('en')} rows in ${seconds(result.fillMs)}`
      : `${region.slug}: already generated, left as it is`;
    log(result.refreshMs === null ? line : `${line}; facts ${String(result.factRows)} rows in ${seconds(result.refreshMs)}`);
    return result;
  });
  return { regions, rows: regions.reduce((sum, region) => sum + region.rows, 0), ms: performance.now() - started };
}

function checkOptions(options: GenerateOptions): void {
  const problems = (Object.keys(GENERATE_LIMITS) as (keyof typeof GENERATE_LIMITS)[])
    .filter((key) => !Number.isSafeInteger(options[key]) || options[key] < GENERATE_LIMITS[key].min || options[key] > GENERATE_LIMITS[key].max)
    .map((key) => `${key} must be a whole number from ${String(GENERATE_LIMITS[key].min)} to ${String(GENERATE_LIMITS[key].max)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}

/** Midnight (UTC) of the current day: runs on the same day generate the same rows. */
function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * One partner per partner type: an existing central partner of that type (the demo partners when seeded),
 * else a generator partner created now.
 */
async function ensurePartners(owner: DataSource): Promise<Partner[]> {
  return owner.transaction(async (manager) => {
    const partners: Partner[] = [];
    for (const type of CODE_LISTS.partnerTypes) {
      const name = `Gegenereerde partner: ${type.nl}`;
      await manager.query(
        `INSERT INTO platform.partner (name, type, description)
         SELECT $1, $2, 'Fictieve partner van de gegenereerde testregio''s.'
          WHERE NOT EXISTS (SELECT 1 FROM platform.partner WHERE type = $2 AND status = 'active' AND owner_region_id IS NULL)
         ON CONFLICT DO NOTHING`,
        [name, type.code],
      );
      const [found] = await manager.query<Partner[]>(
        `SELECT type, id, name FROM platform.partner
          WHERE type = $1 AND status = 'active' AND owner_region_id IS NULL ORDER BY created_at, id LIMIT 1`,
        [type.code],
      );
      if (!found) throw new Error(`no partner of type ${type.code} (is "${name}" inactive?)`);
      partners.push(found);
    }
    return partners;
  });
}

async function ensureRegion(owner: DataSource, provisioner: RegionProvisioner, index: number): Promise<RegionRow> {
  const slug = generatedSlug(index);
  try {
    await provisioner.provision(slug, `Gegenereerde regio ${String(index).padStart(3, '0')}`);
  } catch (error) {
    // Already there (an earlier run, or another generator meanwhile): that is what we want.
    if (!(error instanceof DomainError && error.code === ProblemCode.REGION_ALREADY_EXISTS)) throw error;
  }
  const [region] = await owner.query<RegionRow[]>('SELECT id, slug, display_name, schema_name, role_name FROM platform.region WHERE slug = $1', [slug]);
  if (!region) throw new Error(`region ${slug} vanished`);
  return region;
}

/** The region's counsellors (about one per 1,500 cases, at most 20): accounts that cannot sign in. */
async function ensureCounsellors(runner: QueryRunner, region: RegionRow, cases: number): Promise<Counsellors> {
  const count = Math.min(20, Math.max(1, Math.ceil(cases / 1500)));
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1).padStart(2, '0'));
  const emails = numbers.map((n) => `begeleider-${n}@${region.slug}.generated.leerwinkel.test`);
  const names = numbers.map((n) => `Begeleider ${n} (${region.slug})`);
  await runner.query(
    `INSERT INTO platform.user_account (id, email, display_name, status)
     SELECT md5('generator:' || e)::uuid, e, n, 'active' FROM unnest($1::text[], $2::text[]) AS t (e, n)
     ON CONFLICT DO NOTHING`,
    [emails, names],
  );
  const users = await runner.manager.query<{ id: string; email: string; display_name: string }[]>(
    'SELECT id, email, display_name FROM platform.user_account WHERE email = ANY($1)',
    [emails],
  );
  const byEmail = new Map(users.map((user) => [user.email, user]));
  const ordered = emails.map((email) => byEmail.get(email)).filter((user) => user !== undefined);
  if (ordered.length !== count) throw new Error(`counsellor accounts of ${region.slug} missing`);
  await runner.query(
    `INSERT INTO platform.region_membership (user_id, region_id, role)
     SELECT unnest($1::uuid[]), $2, 'counsellor' ON CONFLICT (user_id, region_id) DO NOTHING`,
    [ordered.map((user) => user.id), region.id],
  );
  return { ids: ordered.map((user) => user.id), names: ordered.map((user) => user.display_name), emails: ordered.map((user) => user.email) };
}

async function fillRegion(
  owner: DataSource,
  region: RegionRow,
  index: number,
  partners: readonly Partner[],
  options: GenerateOptions,
  today: Date,
): Promise<GeneratedRegion> {
  const result: GeneratedRegion = { slug: region.slug, id: region.id, schemaName: region.schema_name, roleName: region.role_name, filled: false, rows: 0, fillMs: 0, refreshMs: null, factRows: null };
  const runner = owner.createQueryRunner();
  await runner.connect();
  try {
    const started = performance.now();
    await runner.startTransaction();
    await runner.query("SELECT set_config('search_path', $1, true)", [quoteIdent(region.schema_name)]);
    // The same lock as schema work on this region: two generators never both find it empty.
    await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, region.slug]);
    const [state] = await runner.manager.query<{ filled: boolean }[]>('SELECT EXISTS (SELECT 1 FROM guidance_case) AS filled');
    if (state?.filled) {
      await runner.commitTransaction();
    } else {
      await runner.query(
        `INSERT INTO platform.partner_region (partner_id, region_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
        [partners.map((partner) => partner.id), region.id],
      );
      const counsellors = await ensureCounsellors(runner, region, options.casesPerRegion);
      const seed = BigInt(options.seed) * 1_000_003n + BigInt(index);
      const learners = Math.max(1, Math.round(options.casesPerRegion * 0.85));
      await runner.query(CREATE_PARAMS, [
        seed.toString(), options.casesPerRegion, learners, today, options.months,
        region.id, region.slug, region.display_name, counsellors.ids, counsellors.names, counsellors.emails,
      ]);
      await runner.query(CREATE_PARTNERS, [partners.map((p) => p.type), partners.map((p) => p.id), partners.map((p) => p.name)]);
      for (const sql of [CREATE_LEARNERS, CREATE_CASES]) await runner.query(sql);
      for (const sql of [INSERT_LEARNERS, INSERT_CONSENTS, INSERT_CASES, INSERT_TRANSITIONS, INSERT_CONTACTS, INSERT_FOLLOW_UPS, INSERT_OFFER_GAPS]) {
        result.rows += await affected(runner, sql);
      }
      for (const sql of [CREATE_REFERRALS, CREATE_WALKS]) await runner.query(sql);
      for (const sql of [INSERT_SHARING_CONSENTS, INSERT_REGION_REFERRALS, INSERT_EXCHANGE_REFERRALS, INSERT_REFERRAL_EVENTS]) {
        result.rows += await affected(runner, sql);
      }
      await runner.commitTransaction();
      result.filled = true;
      // Fresh statistics, as autovacuum would give them a little later: the refresh below plans with them.
      await runner.query(`ANALYZE ${ANALYZE_FOR_REFRESH.map((table) => `${quoteIdent(region.schema_name)}.${table}`).join(', ')}, exchange.referral (id), exchange.referral_event (referral_id)`);
      result.fillMs = performance.now() - started;
    }
    const refreshed = await runner.manager.query<unknown[]>('SELECT 1 FROM analytics.region_refresh WHERE region_id = $1', [region.id]);
    if (result.filled || refreshed.length === 0) {
      const refreshStarted = performance.now();
      await runner.startTransaction();
      await runner.query("SELECT set_config('search_path', $1, true)", [quoteIdent(region.schema_name)]);
      result.factRows = await new IndicatorFactsRepository().refresh(runner.manager, region.id);
      await runner.commitTransaction();
      result.refreshMs = performance.now() - refreshStarted;
    }
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

async function affected(runner: QueryRunner, sql: string): Promise<number> {
  const result = await runner.query(sql, [], true);
  return result.affected ?? 0;
}
