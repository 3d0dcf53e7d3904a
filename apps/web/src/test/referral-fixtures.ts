import type { components } from '@leerwinkel/contracts';
import { CASE_ID, REGION } from './guidance-fixtures';

/** Fixtures of the referral API (catalogue, referrals, registrations), typed by the generated contract. */
export type CataloguePartner = components['schemas']['CataloguePartnerDto'];
export type Offer = components['schemas']['OfferDto'];
export type Referral = components['schemas']['ReferralDto'];
export type PartnerReferral = components['schemas']['PartnerReferralDto'];
export type Registration = components['schemas']['RegistrationDto'];

export const PARTNER_ID = '10000000-0000-4000-8000-000000000001';
export const OFFER_ID = '11000000-0000-4000-8000-000000000001';
export const REFERRAL_ID = '80000000-0000-4000-8000-000000000001';
export const REGISTRATION_ID = '90000000-0000-4000-8000-000000000001';

export function aCataloguePartner(overrides: Partial<CataloguePartner> = {}): CataloguePartner {
  return {
    id: PARTNER_ID,
    name: 'CVO Brugge',
    type: 'cvo',
    status: 'active',
    enterpriseNumber: null,
    website: null,
    description: null,
    ownerRegion: null,
    regionsServed: [{ slug: REGION, displayName: 'Leerwinkel West-Vlaanderen' }],
    offerCount: 1,
    version: 1,
    ...overrides,
  };
}

export function anOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: OFFER_ID,
    partnerId: PARTNER_ID,
    name: 'Nederlands tweede taal — richtgraad 2',
    description: null,
    iscedLevel: null,
    eqfLevel: null,
    languages: ['nl'],
    locations: [{ name: 'Campus Sint-Andries' }],
    startDates: ['2026-09-01'],
    costEur: 0,
    costNote: null,
    eligibility: null,
    howToApply: null,
    status: 'open',
    version: 1,
    ...overrides,
  };
}

export function aPacket(overrides: Partial<Referral['packet']> = {}): Referral['packet'] {
  return {
    region: { slug: REGION, name: 'Leerwinkel West-Vlaanderen' },
    partner: { id: '00000000-0000-4000-8000-0000000000c1', name: 'CVO Brugge' },
    offer: null,
    learner: { firstName: 'Ayşe', lastName: 'Çelik', email: 'ayse@example.be', phone: null },
    learningQuestion: 'Wil verpleegkundige worden.',
    educationLevel: null,
    dutchLevel: null,
    preferredStart: null,
    counsellor: { name: 'Bert Begeleider', email: 'begeleider@west-vlaanderen.leerwinkel.test' },
    ...overrides,
  };
}

export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: REFERRAL_ID,
    status: 'sent',
    allowedTransitions: ['withdrawn'],
    packet: aPacket(),
    startDate: null,
    declineReason: null,
    declinedBy: null,
    sentAt: '2026-03-01T09:00:00Z',
    respondBy: '2026-03-15T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00Z',
    version: 1,
    caseId: CASE_ID,
    partnerId: PARTNER_ID,
    offerId: null,
    overdue: false,
    shared: { contactData: true, learningQuestion: true, educationLevel: false, dutchLevel: false },
    ...overrides,
  };
}

export function aPartnerReferral(overrides: Partial<PartnerReferral> = {}): PartnerReferral {
  return {
    id: REFERRAL_ID,
    status: 'received',
    allowedTransitions: ['accepted', 'waitlisted', 'declined', 'scheduled'],
    packet: aPacket(),
    startDate: null,
    declineReason: null,
    declinedBy: null,
    sentAt: '2026-03-01T09:00:00Z',
    respondBy: '2026-03-15T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    version: 2,
    ...overrides,
  };
}

export function aRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: REGISTRATION_ID,
    partnerId: PARTNER_ID,
    learner: {
      firstName: 'Olena',
      lastName: 'Kovalenko',
      dateOfBirth: '1991-03-08',
      email: 'olena@example.be',
      municipality: 'Brugge',
      postalCode: '8000',
    },
    learningQuestion: 'Wil Nederlands leren om als boekhouder te werken.',
    consentReference: 'Toestemmingsformulier v3, 2026-11-20',
    status: 'pending',
    learnerId: null,
    caseId: null,
    createdAt: '2026-03-04T10:00:00Z',
    ...overrides,
  };
}
