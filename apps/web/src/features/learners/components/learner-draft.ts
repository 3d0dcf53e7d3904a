import { CODE_LISTS, codes, isValidInsz, normaliseInsz, type CodeListEntry } from '@leerwinkel/contracts';
import { ageOn, brusselsDate, isCalendarDate } from '@/lib/dates';
import type { CreateLearnerBody } from '../api/create-learner-mutation';
import type { Learner } from '../api/learner-query';
import type { LearnerChanges } from '../api/update-learner-mutation';

/** The learner fields a counsellor writes (create and update share them), without `confirmNewPerson`. */
export type LearnerFields = Omit<CreateLearnerBody, 'confirmNewPerson'>;

/** What the learner form holds: every field as the inputs give it (text, or a list of codes). */
export interface LearnerDraft {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: string;
  email: string;
  phone: string;
  postalCode: string;
  municipality: string;
  nativeLanguage: string;
  dutchLevel: string;
  educationLevel: string;
  employmentStatus: string;
  referralSource: string;
  targetGroups: string[];
  insz: string;
}

export type DraftField = keyof LearnerDraft;

/** Why a field is refused, as a key under `learnerForm.errors` of the guidance texts. */
export type DraftProblem =
  | 'required'
  | 'tooLong'
  | 'date'
  | 'dateInFuture'
  | 'age'
  | 'email'
  | 'phone'
  | 'postalCode'
  | 'language'
  | 'choice'
  | 'insz';

export type DraftProblems = Partial<Record<DraftField, DraftProblem>>;

export const EMPTY_DRAFT: LearnerDraft = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  gender: '',
  email: '',
  phone: '',
  postalCode: '',
  municipality: '',
  nativeLanguage: '',
  dutchLevel: '',
  educationLevel: '',
  employmentStatus: '',
  referralSource: '',
  targetGroups: [],
  insz: '',
};

/** The form's starting point for an existing learner (the INSZ is never in it: only its mask is known). */
export function draftOf(learner: Learner): LearnerDraft {
  return {
    firstName: learner.firstName,
    lastName: learner.lastName,
    dateOfBirth: learner.dateOfBirth,
    gender: learner.gender,
    email: learner.email ?? '',
    phone: learner.phone ?? '',
    postalCode: learner.postalCode ?? '',
    municipality: learner.municipality ?? '',
    nativeLanguage: learner.nativeLanguage,
    dutchLevel: learner.dutchLevel,
    educationLevel: learner.educationLevel,
    employmentStatus: learner.employmentStatus,
    referralSource: learner.referralSource,
    targetGroups: [...learner.targetGroups],
    insz: '',
  };
}

function withDataQuality<const L extends readonly CodeListEntry[]>(list: L) {
  return [...codes(list), ...codes(CODE_LISTS.dataQuality)];
}

const GENDERS = withDataQuality(CODE_LISTS.genders);
const DUTCH_LEVELS = withDataQuality(CODE_LISTS.dutchLevels);
const EDUCATION_LEVELS = withDataQuality(CODE_LISTS.educationLevels);
const EMPLOYMENT_STATUSES = withDataQuality(CODE_LISTS.employmentStatuses);
const REFERRAL_SOURCES = withDataQuality(CODE_LISTS.referralSources);
const TARGET_GROUPS = codes(CODE_LISTS.targetGroups);

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

// The same rules as the API (apps/api learner.dto.ts), so most mistakes show before sending.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ./()-]{6,40}$/;
const POSTAL_CODE = /^[0-9]{4}$/;
const LANGUAGE = /^([a-z]{2,3}|unknown|prefers_not_to_say|not_collected)$/;

interface CheckOptions {
  /** Whether the region records the INSZ (the field is then shown and checked). */
  inszEnabled: boolean;
  /** Today in Brussels, `YYYY-MM-DD` (for the age check). */
  today?: string;
}

/**
 * Checks the draft as the API would. Without problems, also answers the fields to send (trimmed;
 * empty optional fields as null, an empty INSZ left out).
 */
export function checkDraft(
  draft: LearnerDraft,
  { inszEnabled, today = brusselsDate() }: CheckOptions,
): { problems: DraftProblems; fields?: LearnerFields } {
  const problems: DraftProblems = {};
  const text = (field: 'firstName' | 'lastName' | 'municipality', required: boolean): string | null => {
    const value = draft[field].trim();
    if (value === '') {
      if (required) problems[field] = 'required';
      return null;
    }
    if (value.length > 100) problems[field] = 'tooLong';
    return value;
  };
  const matching = (field: 'email' | 'phone' | 'postalCode', pattern: RegExp, problem: DraftProblem): string | null => {
    const value = draft[field].trim();
    if (value === '') return null;
    if (!pattern.test(value) || value.length > 254) problems[field] = problem;
    return value;
  };
  const code = <T extends string>(field: DraftField, allowed: readonly T[]): T | undefined => {
    const value = draft[field];
    if (typeof value !== 'string' || value === '') {
      problems[field] = 'required';
      return undefined;
    }
    if (!oneOf(allowed, value)) {
      problems[field] = 'choice';
      return undefined;
    }
    return value;
  };

  const firstName = text('firstName', true);
  const lastName = text('lastName', true);
  const municipality = text('municipality', false);

  const dateOfBirth = draft.dateOfBirth.trim();
  if (dateOfBirth === '') problems.dateOfBirth = 'required';
  else if (!isCalendarDate(dateOfBirth)) problems.dateOfBirth = 'date';
  else if (dateOfBirth > today) problems.dateOfBirth = 'dateInFuture';
  else if (ageOn(dateOfBirth, today) < 16 || ageOn(dateOfBirth, today) > 110) problems.dateOfBirth = 'age';

  const email = matching('email', EMAIL, 'email');
  const phone = matching('phone', PHONE, 'phone');
  const postalCode = matching('postalCode', POSTAL_CODE, 'postalCode');

  const nativeLanguage = draft.nativeLanguage.trim().toLowerCase();
  if (nativeLanguage === '') problems.nativeLanguage = 'required';
  else if (!LANGUAGE.test(nativeLanguage)) problems.nativeLanguage = 'language';

  const gender = code('gender', GENDERS);
  const dutchLevel = code('dutchLevel', DUTCH_LEVELS);
  const educationLevel = code('educationLevel', EDUCATION_LEVELS);
  const employmentStatus = code('employmentStatus', EMPLOYMENT_STATUSES);
  const referralSource = code('referralSource', REFERRAL_SOURCES);
  const targetGroups = draft.targetGroups.filter((group) => oneOf(TARGET_GROUPS, group));

  const insz = inszEnabled ? normaliseInsz(draft.insz.trim()) : '';
  if (insz !== '' && !isValidInsz(insz)) problems.insz = 'insz';

  if (
    Object.keys(problems).length > 0 ||
    firstName === null ||
    lastName === null ||
    gender === undefined ||
    dutchLevel === undefined ||
    educationLevel === undefined ||
    employmentStatus === undefined ||
    referralSource === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    fields: {
      firstName,
      lastName,
      dateOfBirth,
      gender,
      email,
      phone,
      postalCode,
      municipality,
      nativeLanguage,
      dutchLevel,
      educationLevel,
      employmentStatus,
      referralSource,
      targetGroups,
      ...(insz === '' ? {} : { insz }),
    },
  };
}

/** The fields of `fields` that differ from `learner` (what a PATCH sends, besides `version`). */
export function changesOf(learner: Learner, fields: LearnerFields): Omit<LearnerChanges, 'version'> {
  const changes: Omit<LearnerChanges, 'version'> = {};
  for (const key of Object.keys(fields) as (keyof LearnerFields)[]) {
    if (key === 'insz') continue;
    if (JSON.stringify(fields[key]) !== JSON.stringify(learner[key])) Object.assign(changes, { [key]: fields[key] });
  }
  // A new INSZ only when one was typed: the form never holds the current one.
  if (fields.insz !== undefined) changes.insz = fields.insz;
  return changes;
}

/**
 * After a reload (someone else changed the learner): the fields the user did not touch follow the
 * new version; what the user typed stays.
 */
export function rebaseDraft(draft: LearnerDraft, oldBase: LearnerDraft, newBase: LearnerDraft): LearnerDraft {
  const result: LearnerDraft = { ...draft };
  for (const key of Object.keys(draft) as DraftField[]) {
    if (JSON.stringify(draft[key]) === JSON.stringify(oldBase[key])) Object.assign(result, { [key]: newBase[key] });
  }
  return result;
}
