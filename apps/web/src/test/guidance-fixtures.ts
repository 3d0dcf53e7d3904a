import type { components } from '@leerwinkel/contracts';
import { jsonResponse } from './fake-fetch';
import { COUNSELLOR, WEST_SETTINGS, type FakeRoutes } from './fake-api';

/** Fixtures of the guidance API (learners, cases), typed by the generated contract so they follow API changes. */
export type Learner = components['schemas']['LearnerDto'];
export type LearnerSummary = components['schemas']['LearnerSummaryDto'];
export type Case = components['schemas']['CaseDto'];
export type Contact = components['schemas']['ContactDto'];
export type CaseTransition = components['schemas']['CaseTransitionDto'];
export type ActionItem = components['schemas']['ActionItemDto'];
export type Consent = components['schemas']['ConsentDto'];
export type OfferGap = components['schemas']['OfferGapDto'];

export const REGION = 'west-vlaanderen';
export const LEARNER_ID = '30000000-0000-4000-8000-000000000001';
export const CASE_ID = '40000000-0000-4000-8000-000000000001';

export function aLearner(overrides: Partial<Learner> = {}): Learner {
  return {
    id: LEARNER_ID,
    firstName: 'Ayşe',
    lastName: 'Çelik',
    dateOfBirth: '1987-04-12',
    gender: 'female',
    email: 'ayse@example.be',
    phone: null,
    postalCode: '8000',
    municipality: 'Brugge',
    nativeLanguage: 'tr',
    dutchLevel: 'B1',
    educationLevel: 'isced_2',
    employmentStatus: 'job_seeker',
    targetGroups: ['low_qualified'],
    referralSource: 'vdab',
    inszMasked: null,
    anonymisedAt: null,
    restriction: null,
    version: 3,
    createdAt: '2026-01-10T09:00:00Z',
    updatedAt: '2026-03-05T13:07:00Z',
    ...overrides,
  };
}

export function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: CASE_ID,
    learnerId: LEARNER_ID,
    learnerName: 'Ayşe Çelik',
    kind: 'guidance',
    status: 'registered',
    allowedTransitions: ['intake', 'closed'],
    counsellorId: COUNSELLOR.id,
    counsellorName: 'Bert Begeleider',
    organisationId: null,
    learningQuestion: 'Wil verpleegkundige worden.',
    themes: ['vocational_training'],
    barriers: ['cost'],
    goal: null,
    exitReason: null,
    objectivesMet: null,
    openedAt: '2026-02-20T09:00:00Z',
    closedAt: null,
    nextDueDate: null,
    overdue: false,
    contactCount: 0,
    version: 1,
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    counsellorId: COUNSELLOR.id,
    counsellorName: 'Bert Begeleider',
    occurredAt: '2026-03-01T09:00:00Z',
    durationMinutes: 60,
    channel: 'in_person',
    kind: 'intake',
    notes: null,
    ...overrides,
  };
}

export function aTransition(overrides: Partial<CaseTransition> = {}): CaseTransition {
  return {
    id: '1',
    from: null,
    to: 'registered',
    note: null,
    byUserId: COUNSELLOR.id,
    byUserName: 'Bert Begeleider',
    at: '2026-02-20T09:00:00Z',
    ...overrides,
  };
}

export function anActionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: '60000000-0000-4000-8000-000000000001',
    task: 'Inschrijving CVO regelen',
    owner: 'learner',
    dueDate: '2026-03-20',
    doneAt: null,
    overdue: false,
    followUpMonths: null,
    inEducation: null,
    certificateObtained: null,
    employed: null,
    outcomeNote: null,
    version: 1,
    ...overrides,
  };
}

export function aConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: '70000000-0000-4000-8000-000000000001',
    purpose: 'guidance_processing',
    partnerId: null,
    textVersion: 'v1',
    givenAt: '2026-01-10T09:00:00Z',
    registeredBy: COUNSELLOR.id,
    withdrawnAt: null,
    withdrawnBy: null,
    ...overrides,
  };
}

export function anOfferGap(overrides: Partial<OfferGap> = {}): OfferGap {
  return {
    id: '65000000-0000-4000-8000-000000000001',
    theme: 'dutch_language',
    description: 'Geen NT2 op zaterdag in Brugge.',
    signalledBy: COUNSELLOR.id,
    signalledByName: 'Bert Begeleider',
    signalledAt: '2026-03-02T10:00:00Z',
    ...overrides,
  };
}

export const page = (items: readonly unknown[], nextCursor: string | null = null) =>
  jsonResponse({ items, nextCursor });

/** The routes every guidance page may touch, with empty lists; `overrides` replace single routes. */
export function guidanceRoutes(overrides: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/v1/regions/:region/settings': () => jsonResponse(WEST_SETTINGS),
    'GET /api/v1/regions/:region/learners': () => page([]),
    'GET /api/v1/regions/:region/learners/:learnerId': () => jsonResponse(aLearner()),
    'GET /api/v1/regions/:region/learners/:learnerId/consents': () => page([]),
    'GET /api/v1/regions/:region/learners/:learnerId/access-log': () => page([]),
    'GET /api/v1/regions/:region/learners/:learnerId/history': () => jsonResponse({ items: [] }),
    'GET /api/v1/regions/:region/erasure-requests': () => jsonResponse({ items: [] }),
    'GET /api/v1/regions/:region/cases': () => page([]),
    'GET /api/v1/regions/:region/cases/:caseId': () => jsonResponse(aCase()),
    'GET /api/v1/regions/:region/cases/:caseId/transitions': () => page([aTransition()]),
    'GET /api/v1/regions/:region/cases/:caseId/contacts': () => page([]),
    'GET /api/v1/regions/:region/cases/:caseId/action-items': () => page([]),
    'GET /api/v1/regions/:region/cases/:caseId/referrals': () => page([]),
    'GET /api/v1/regions/:region/cases/:caseId/offer-gaps': () => jsonResponse({ items: [] }),
    ...overrides,
  };
}

/** The query parameters of a recorded request. */
export const queryOf = (request: Request | undefined): Record<string, string> =>
  Object.fromEntries(new URL(request?.url ?? 'http://localhost/').searchParams);
