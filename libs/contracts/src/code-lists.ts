/**
 * The code lists of the domain (docs: ../shared/domain/GLOSSARY.md), with Dutch and English labels. The API
 * validates against them and serves them (GET /api/v1/code-lists); the web app shows the labels.
 * Codes are stable identifiers: add codes, never rename or remove one that was used.
 */
export interface CodeListEntry {
  code: string;
  nl: string;
  en: string;
}

const list = <const T extends readonly CodeListEntry[]>(entries: T): T => entries;

/** Data-quality answers, allowed wherever a demographic question is asked. */
export const DATA_QUALITY = list([
  { code: 'unknown', nl: 'Onbekend', en: 'Unknown' },
  { code: 'prefers_not_to_say', nl: 'Wil liever niet zeggen', en: 'Prefers not to say' },
  { code: 'not_collected', nl: 'Niet bevraagd', en: 'Not collected' },
]);

export const GENDERS = list([
  { code: 'female', nl: 'Vrouw', en: 'Female' },
  { code: 'male', nl: 'Man', en: 'Male' },
  { code: 'x', nl: 'X', en: 'X' },
  { code: 'not_given', nl: 'Niet opgegeven', en: 'Not given' },
]);

export const DUTCH_LEVELS = list([
  { code: 'A0', nl: 'A0 (geen Nederlands)', en: 'A0 (no Dutch)' },
  { code: 'A1', nl: 'A1', en: 'A1' },
  { code: 'A2', nl: 'A2', en: 'A2' },
  { code: 'B1', nl: 'B1', en: 'B1' },
  { code: 'B2', nl: 'B2', en: 'B2' },
  { code: 'C1', nl: 'C1', en: 'C1' },
  { code: 'C2', nl: 'C2', en: 'C2' },
  { code: 'native', nl: 'Moedertaal', en: 'Native speaker' },
]);

/** ISCED 2011 levels; "low-qualified" = ISCED 0–2 (no upper-secondary diploma). */
export const EDUCATION_LEVELS = list([
  { code: 'isced_0', nl: 'Geen diploma lager onderwijs (ISCED 0)', en: 'Less than primary (ISCED 0)' },
  { code: 'isced_1', nl: 'Lager onderwijs (ISCED 1)', en: 'Primary (ISCED 1)' },
  { code: 'isced_2', nl: 'Lager secundair (ISCED 2)', en: 'Lower secondary (ISCED 2)' },
  { code: 'isced_3', nl: 'Hoger secundair (ISCED 3)', en: 'Upper secondary (ISCED 3)' },
  { code: 'isced_4', nl: 'Postsecundair, niet hoger (ISCED 4)', en: 'Post-secondary non-tertiary (ISCED 4)' },
  { code: 'isced_5', nl: 'Hoger beroepsonderwijs (ISCED 5)', en: 'Short-cycle tertiary (ISCED 5)' },
  { code: 'isced_6', nl: 'Bachelor (ISCED 6)', en: "Bachelor's (ISCED 6)" },
  { code: 'isced_7', nl: 'Master (ISCED 7)', en: "Master's (ISCED 7)" },
  { code: 'isced_8', nl: 'Doctoraat (ISCED 8)', en: 'Doctorate (ISCED 8)' },
  { code: 'foreign_not_recognised', nl: 'Buitenlands diploma, niet erkend', en: 'Foreign diploma, not recognised' },
]);

export const LOW_QUALIFIED_LEVELS: readonly string[] = ['isced_0', 'isced_1', 'isced_2'];

export const EMPLOYMENT_STATUSES = list([
  { code: 'employed', nl: 'Werkend', en: 'Employed' },
  { code: 'self_employed', nl: 'Zelfstandige', en: 'Self-employed' },
  { code: 'job_seeker', nl: 'Werkzoekend', en: 'Job seeker' },
  { code: 'inactive', nl: 'Niet-beroepsactief', en: 'Inactive' },
  { code: 'student', nl: 'Student', en: 'Student' },
  { code: 'retired', nl: 'Gepensioneerd', en: 'Retired' },
  { code: 'other', nl: 'Andere', en: 'Other' },
]);

export const TARGET_GROUPS = list([
  { code: 'low_qualified', nl: 'Laaggeschoold', en: 'Low-qualified' },
  { code: 'newcomer', nl: 'Nieuwkomer', en: 'Newcomer' },
  { code: 'age_55_plus', nl: '55-plusser', en: '55 and over' },
  { code: 'disability', nl: 'Persoon met een arbeidshandicap', en: 'Person with a disability' },
  { code: 'job_seeker', nl: 'Werkzoekende', en: 'Job seeker' },
  { code: 'low_income', nl: 'Laag inkomen', en: 'Low income' },
  { code: 'detainee', nl: '(Ex-)gedetineerde', en: '(Former) detainee' },
]);

export const REFERRAL_SOURCES = list([
  { code: 'self', nl: 'Op eigen initiatief', en: 'Self' },
  { code: 'vdab', nl: 'VDAB', en: 'VDAB' },
  { code: 'ocmw', nl: 'OCMW/CPAS', en: 'Social welfare (OCMW/CPAS)' },
  { code: 'integration_office', nl: 'Agentschap Integratie en Inburgering', en: 'Integration office' },
  { code: 'clb', nl: 'CLB', en: 'Pupil guidance centre (CLB)' },
  { code: 'partner', nl: 'Partnerorganisatie', en: 'Partner organisation' },
  { code: 'other', nl: 'Andere', en: 'Other' },
]);

export const CASE_KINDS = list([
  { code: 'info', nl: 'Infobemiddeling', en: 'Information' },
  { code: 'guidance', nl: 'Begeleiding', en: 'Guidance' },
]);

export const CASE_STATUSES = list([
  { code: 'registered', nl: 'Aangemeld', en: 'Registered' },
  { code: 'intake', nl: 'Intake', en: 'Intake' },
  { code: 'guidance', nl: 'Begeleiding', en: 'Guidance' },
  { code: 'follow_up', nl: 'Opvolging', en: 'Follow-up' },
  { code: 'closed', nl: 'Afgesloten', en: 'Closed' },
]);

export const THEMES = list([
  { code: 'dutch_language', nl: 'Nederlands leren', en: 'Learning Dutch' },
  { code: 'basic_skills', nl: 'Basisvaardigheden', en: 'Basic skills' },
  { code: 'secondary_diploma', nl: 'Diploma secundair onderwijs', en: 'Secondary diploma' },
  { code: 'vocational_training', nl: 'Beroepsopleiding', en: 'Vocational training' },
  { code: 'higher_education', nl: 'Hoger onderwijs', en: 'Higher education' },
  { code: 'diploma_recognition', nl: 'Erkenning van een diploma', en: 'Diploma recognition' },
  { code: 'digital_skills', nl: 'Digitale vaardigheden', en: 'Digital skills' },
  { code: 'entrepreneurship', nl: 'Ondernemen', en: 'Entrepreneurship' },
  { code: 'career_orientation', nl: 'Loopbaanoriëntatie', en: 'Career orientation' },
  { code: 'financing', nl: 'Financiering van een opleiding', en: 'Financing a course' },
]);

export const BARRIERS = list([
  { code: 'cost', nl: 'Kostprijs', en: 'Cost' },
  { code: 'motivation', nl: 'Motivatie', en: 'Motivation' },
  { code: 'health', nl: 'Gezondheid', en: 'Health' },
  { code: 'family_childcare', nl: 'Gezin en kinderopvang', en: 'Family and childcare' },
  { code: 'confidence', nl: 'Zelfvertrouwen', en: 'Confidence' },
  { code: 'mobility', nl: 'Mobiliteit', en: 'Mobility' },
  { code: 'language', nl: 'Taal', en: 'Language' },
  { code: 'digital_skills', nl: 'Digitale vaardigheden', en: 'Digital skills' },
  { code: 'time', nl: 'Tijd', en: 'Time' },
  { code: 'information', nl: 'Informatie', en: 'Information' },
]);

export const EXIT_REASONS = list([
  { code: 'started_course', nl: 'Gestart met een opleiding', en: 'Started a course' },
  { code: 'found_work', nl: 'Werk gevonden', en: 'Found work' },
  { code: 'moved', nl: 'Verhuisd', en: 'Moved' },
  { code: 'lost_contact', nl: 'Contact verloren', en: 'Lost contact' },
  { code: 'no_longer_interested', nl: 'Niet langer geïnteresseerd', en: 'No longer interested' },
  { code: 'referred_elsewhere', nl: 'Elders doorverwezen', en: 'Referred elsewhere' },
  { code: 'other', nl: 'Andere', en: 'Other' },
]);

export const OBJECTIVES_MET = list([
  { code: 'fully', nl: 'Volledig', en: 'Fully' },
  { code: 'partly', nl: 'Gedeeltelijk', en: 'Partly' },
  { code: 'no', nl: 'Niet', en: 'No' },
  { code: 'unknown', nl: 'Onbekend', en: 'Unknown' },
]);

export const CONTACT_CHANNELS = list([
  { code: 'in_person', nl: 'Fysiek', en: 'In person' },
  { code: 'phone', nl: 'Telefoon', en: 'Phone' },
  { code: 'video', nl: 'Video', en: 'Video' },
  { code: 'email', nl: 'E-mail', en: 'E-mail' },
  { code: 'outreach', nl: 'Outreachlocatie', en: 'Outreach location' },
]);

export const CONTACT_KINDS = list([
  { code: 'intake', nl: 'Intake', en: 'Intake' },
  { code: 'guidance', nl: 'Begeleiding', en: 'Guidance' },
  { code: 'follow_up', nl: 'Opvolging', en: 'Follow-up' },
]);

export const CONSENT_PURPOSES = list([
  { code: 'guidance_processing', nl: 'Verwerking voor begeleiding', en: 'Processing for guidance' },
  { code: 'partner_sharing', nl: 'Delen met een partnerorganisatie', en: 'Sharing with a partner organisation' },
  { code: 'outcome_follow_up', nl: 'Opvolging van de uitkomst', en: 'Outcome follow-up' },
  { code: 'statistics', nl: 'Statistiek', en: 'Statistics' },
]);

export const ACTION_OWNERS = list([
  { code: 'learner', nl: 'Lerende', en: 'Learner' },
  { code: 'counsellor', nl: 'Begeleider', en: 'Counsellor' },
  { code: 'partner', nl: 'Partner', en: 'Partner' },
]);

export const PARTNER_TYPES = list([
  { code: 'cvo', nl: 'Centrum voor volwassenenonderwijs (CVO)', en: 'Adult education centre (CVO)' },
  { code: 'cbe', nl: 'Centrum voor basiseducatie (CBE / Ligo)', en: 'Basic education centre (CBE / Ligo)' },
  { code: 'vdab', nl: 'VDAB', en: 'Public employment service (VDAB)' },
  { code: 'syntra', nl: 'Syntra', en: 'Syntra (entrepreneurship training)' },
  { code: 'huis_van_het_nederlands', nl: 'Huis van het Nederlands', en: 'Huis van het Nederlands (Dutch for newcomers)' },
  { code: 'ocmw', nl: 'OCMW / CPAS', en: 'Social welfare (OCMW / CPAS)' },
  { code: 'university_college', nl: 'Hogeschool', en: 'University college' },
  { code: 'integration_office', nl: 'Integratiedienst', en: 'Integration office' },
  { code: 'clb', nl: 'CLB', en: 'Pupil guidance centre (CLB)' },
  { code: 'other', nl: 'Andere', en: 'Other' },
]);

export const OFFER_STATUSES = list([
  { code: 'open', nl: 'Inschrijvingen open', en: 'Open for registration' },
  { code: 'waitlist', nl: 'Wachtlijst', en: 'Waiting list' },
  { code: 'closed', nl: 'Gesloten', en: 'Closed' },
]);

export const REFERRAL_STATUSES = list([
  { code: 'sent', nl: 'Verstuurd', en: 'Sent' },
  { code: 'received', nl: 'Ontvangen', en: 'Received' },
  { code: 'accepted', nl: 'Aanvaard', en: 'Accepted' },
  { code: 'waitlisted', nl: 'Op wachtlijst', en: 'Waitlisted' },
  { code: 'declined', nl: 'Geweigerd', en: 'Declined' },
  { code: 'scheduled', nl: 'Ingepland', en: 'Scheduled' },
  { code: 'enrolled', nl: 'Ingeschreven', en: 'Enrolled' },
  { code: 'started', nl: 'Gestart', en: 'Started' },
  { code: 'completed', nl: 'Afgerond', en: 'Completed' },
  { code: 'dropped_out', nl: 'Afgehaakt', en: 'Dropped out' },
  { code: 'no_show', nl: 'Niet opgedaagd', en: 'No-show' },
  { code: 'expired', nl: 'Verlopen (geen antwoord)', en: 'Expired (no answer)' },
  { code: 'withdrawn', nl: 'Ingetrokken', en: 'Withdrawn' },
]);

export const DECLINE_REASONS = list([
  { code: 'full', nl: 'Volzet', en: 'Full' },
  { code: 'not_eligible', nl: 'Voldoet niet aan de voorwaarden', en: 'Not eligible' },
  { code: 'level_mismatch', nl: 'Niveau past niet', en: 'Level does not match' },
  { code: 'offer_cancelled', nl: 'Aanbod geannuleerd', en: 'Offer cancelled' },
  { code: 'learner_not_interested', nl: 'Lerende niet meer geïnteresseerd', en: 'Learner no longer interested' },
  { code: 'learner_unreachable', nl: 'Lerende niet bereikbaar', en: 'Learner unreachable' },
  { code: 'learner_practical', nl: 'Praktische redenen bij de lerende', en: 'Practical reasons of the learner' },
  { code: 'other', nl: 'Andere', en: 'Other' },
]);

export const CODE_LISTS = {
  dataQuality: DATA_QUALITY,
  genders: GENDERS,
  dutchLevels: DUTCH_LEVELS,
  educationLevels: EDUCATION_LEVELS,
  employmentStatuses: EMPLOYMENT_STATUSES,
  targetGroups: TARGET_GROUPS,
  referralSources: REFERRAL_SOURCES,
  caseKinds: CASE_KINDS,
  caseStatuses: CASE_STATUSES,
  themes: THEMES,
  barriers: BARRIERS,
  exitReasons: EXIT_REASONS,
  objectivesMet: OBJECTIVES_MET,
  contactChannels: CONTACT_CHANNELS,
  contactKinds: CONTACT_KINDS,
  consentPurposes: CONSENT_PURPOSES,
  actionOwners: ACTION_OWNERS,
  partnerTypes: PARTNER_TYPES,
  offerStatuses: OFFER_STATUSES,
  referralStatuses: REFERRAL_STATUSES,
  declineReasons: DECLINE_REASONS,
} as const;

export type CodeListName = keyof typeof CODE_LISTS;
export type CodeOf<L extends readonly CodeListEntry[]> = L[number]['code'];

export function codes<L extends readonly CodeListEntry[]>(entries: L): CodeOf<L>[] {
  return entries.map((entry) => entry.code as CodeOf<L>);
}
