import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCodeValue } from '@leerwinkel/contracts';
import { ApiProblemError } from './problem';

/** Plain-language message per problem code (never the API's English title). */
const PROBLEM_MESSAGES = {
  'VALIDATION.FAILED': 'problems.validationFailed',
  'REQUEST.MALFORMED_BODY': 'problems.badRequest',
  'REQUEST.BODY_TOO_LARGE': 'problems.bodyTooLarge',
  'REQUEST.MALFORMED_URL': 'problems.badRequest',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'problems.badRequest',
  'ROUTE.NOT_FOUND': 'problems.badRequest',
  'ROUTE.METHOD_NOT_ALLOWED': 'problems.badRequest',
  'REGION.INVALID_SLUG': 'problems.regionInvalidSlug',
  'REGION.NOT_FOUND': 'problems.regionNotFound',
  'REGION.ALREADY_EXISTS': 'problems.regionAlreadyExists',
  'AUTH.UNAUTHENTICATED': 'problems.unauthenticated',
  'AUTH.FORBIDDEN': 'problems.forbidden',
  'AUTH.INVALID_CREDENTIALS': 'problems.invalidCredentials',
  'AUTH.ACCOUNT_LOCKED': 'problems.accountLocked',
  'AUTH.REFRESH_INVALID': 'problems.refreshInvalid',
  'AUTH.INVITATION_INVALID': 'problems.invitationInvalid',
  'AUTH.WEAK_PASSWORD': 'problems.weakPassword',
  'REQUEST.RATE_LIMITED': 'problems.rateLimited',
  'RESOURCE.NOT_FOUND': 'problems.notFound',
  'RESOURCE.CONFLICT': 'problems.conflict',
  'RESOURCE.STALE': 'problems.stale',
  'RESOURCE.VERSION_REQUIRED': 'problems.versionRequired',
  'LEARNER.POSSIBLE_DUPLICATE': 'problems.possibleDuplicate',
  'LEARNER.INSZ_NOT_ENABLED': 'problems.inszNotEnabled',
  'CASE.INVALID_TRANSITION': 'problems.invalidTransition',
  'REFERRAL.NO_SHARING_CONSENT': 'problems.noSharingConsent',
  'REFERRAL.INVALID_TRANSITION': 'problems.invalidReferralTransition',
  'IDEMPOTENCY.KEY_REUSED': 'problems.idempotencyKeyReused',
  'IDEMPOTENCY.IN_PROGRESS': 'problems.idempotencyInProgress',
  'SERVICE.UNAVAILABLE': 'problems.serviceUnavailable',
  'INTERNAL.ERROR': 'problems.internal',
  'HTTP.ERROR': 'problems.generic',
} as const satisfies Partial<Record<ProblemCodeValue, string>>;

/**
 * Codes that only the region area's endpoints answer: their texts are in the `guidance` namespace, which comes with
 * that (lazily loaded) area, so they stay out of the first download.
 */
const REGION_PROBLEM_MESSAGES = {
  'LEARNER.RESTRICTED': 'problems.learnerRestricted',
  'LEARNER.ANONYMISED': 'problems.learnerAnonymised',
  'ERASURE.FOUR_EYES': 'problems.erasureFourEyes',
} as const satisfies Partial<Record<ProblemCodeValue, string>>;

/** Plain-language message per validation rule of a field error (class-validator constraint names). */
const RULE_MESSAGES = {
  isEmail: 'fieldErrors.isEmail',
  isNotEmpty: 'fieldErrors.required',
  isDefined: 'fieldErrors.required',
  isString: 'fieldErrors.required',
  isLength: 'fieldErrors.length',
  minLength: 'fieldErrors.tooShort',
  maxLength: 'fieldErrors.tooLong',
  isIn: 'fieldErrors.choice',
  isEnum: 'fieldErrors.choice',
  isUuid: 'fieldErrors.choice',
  isInt: 'fieldErrors.integer',
  min: 'fieldErrors.tooSmall',
  max: 'fieldErrors.tooLarge',
  matches: 'fieldErrors.format',
  isBoolean: 'fieldErrors.choice',
  arrayNotEmpty: 'fieldErrors.pickOne',
  arrayMinSize: 'fieldErrors.pickOne',
  whitelistValidation: 'fieldErrors.unknownField',
  isArray: 'fieldErrors.choice',
  arrayUnique: 'fieldErrors.choice',
  arrayMaxSize: 'fieldErrors.choice',
  isCalendarDate: 'fieldErrors.date',
  isISO8601: 'fieldErrors.dateTime',
  notInFuture: 'fieldErrors.notInFuture',
  requiredToClose: 'fieldErrors.required',
  requiredToReopen: 'fieldErrors.reasonRequired',
  onlyWhenClosing: 'fieldErrors.invalid',
  insz: 'fieldErrors.insz',
  inszEnabled: 'fieldErrors.inszNotEnabled',
  partnerForSharing: 'fieldErrors.partnerForSharing',
  partnerExists: 'fieldErrors.partnerExists',
  memberOfRegion: 'fieldErrors.choice',
  organisationOfRegion: 'fieldErrors.choice',
  learnerOfRegion: 'fieldErrors.choice',
} as const;

function has<Key extends string>(table: Record<Key, string>, key: string): key is Key {
  return Object.hasOwn(table, key);
}

export interface ProblemText {
  /** One sentence for any error of a query or mutation: mapped by `code`, or a network message. */
  message: (error: unknown) => string;
  /** Field errors of a 400 answer in plain language, by field path (first error per field). */
  fieldErrors: (error: unknown) => Readonly<Record<string, string>>;
}

/** Turns API problems into plain Dutch (or English) text. */
export function useProblemText(): ProblemText {
  const { t } = useTranslation();
  return useMemo<ProblemText>(
    () => ({
      message: (error) => {
        if (!(error instanceof ApiProblemError)) return t('problems.network');
        const code = error.code;
        if (code !== undefined && has(PROBLEM_MESSAGES, code)) return t(PROBLEM_MESSAGES[code]);
        if (code !== undefined && has(REGION_PROBLEM_MESSAGES, code)) {
          return t(REGION_PROBLEM_MESSAGES[code], { ns: 'guidance' });
        }
        if (error.status === 403) return t('problems.forbidden');
        if (error.status === 404) return t('problems.notFound');
        if (error.status >= 500) return t('problems.internal');
        return t('problems.generic');
      },
      fieldErrors: (error) => {
        const result: Record<string, string> = {};
        if (!(error instanceof ApiProblemError)) return result;
        for (const fieldError of error.fieldErrors) {
          if (fieldError.field in result) continue;
          result[fieldError.field] = has(RULE_MESSAGES, fieldError.rule)
            ? t(RULE_MESSAGES[fieldError.rule])
            : t('fieldErrors.invalid');
        }
        return result;
      },
    }),
    [t],
  );
}
