import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CODE_LISTS, type CodeListName, LOW_QUALIFIED_LEVELS } from '@leerwinkel/contracts';
import {
  type CaseRow,
  type ContactRow,
  generateRegionDemo,
  MAX_CONTACTS_PER_CASE,
  type RegionDemo,
  type RegionDemoOptions,
} from './demo-guidance.seed.js';
import { DEMO_REGIONS } from './demo-accounts.js';

const TODAY = new Date('2026-03-16T10:30:00Z');
const OPTIONS: RegionDemoOptions = {
  today: TODAY,
  counsellorId: '11111111-1111-4111-8111-111111111111',
  coordinatorId: '22222222-2222-4222-8222-222222222222',
  count: 150,
};
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LIFECYCLE = ['registered', 'intake', 'guidance', 'follow_up', 'closed'];
const ISO_639_1 = /^[a-z]{2}$/;

const demos = new Map<string, RegionDemo>(DEMO_REGIONS.map(({ slug }) => [slug, generateRegionDemo(slug, OPTIONS)]));
const all: RegionDemo[] = [...demos.values()];

function codesOf(...names: CodeListName[]): Set<string> {
  return new Set(names.flatMap((name) => CODE_LISTS[name].map((entry: { code: string }) => entry.code)));
}

function ageAt(dateOfBirth: string, date: Date): number {
  const [year = 0, month = 0, day = 0] = dateOfBirth.split('-').map(Number);
  const beforeBirthday =
    date.getUTCMonth() + 1 < month || (date.getUTCMonth() + 1 === month && date.getUTCDate() < day);
  return date.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

function byCase<T extends { caseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.caseId, [...(grouped.get(row.caseId) ?? []), row]);
  return grouped;
}

function share<T>(rows: readonly T[], test: (row: T) => boolean): number {
  return rows.filter(test).length / rows.length;
}

function caseEnd(row: CaseRow): Date {
  return row.closedAt ?? TODAY;
}

describe('generateRegionDemo', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is deterministic: the same input gives deep-equal rows, without Math.random', () => {
    jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(generateRegionDemo('brussel', OPTIONS)).toEqual(demos.get('brussel'));
  });

  it('gives every region its own learners, names and municipalities', () => {
    const names = all.map((demo) => demo.learners.map((l) => `${l.firstName} ${l.lastName}`).join('|'));
    expect(new Set(names).size).toBe(DEMO_REGIONS.length);
    const brussels = demos.get('brussel')?.learners ?? [];
    const westFlanders = demos.get('west-vlaanderen')?.learners ?? [];
    expect(brussels.every((l) => l.postalCode === null || l.postalCode.startsWith('1'))).toBe(true);
    expect(westFlanders.every((l) => l.postalCode === null || l.postalCode.startsWith('8'))).toBe(true);
    expect(westFlanders.map((l) => l.municipality)).toEqual(expect.arrayContaining(['Brugge', 'Kortrijk', 'Oostende']));
  });

  it('makes 150 learners per region with names from many origins, diacritics and particles', () => {
    for (const demo of all) expect(demo.learners).toHaveLength(150);
    const learners = all.flatMap((demo) => demo.learners);
    const fullNames = learners.map((l) => `${l.firstName} ${l.lastName}`);
    expect(fullNames.some((name) => /[^\u0020-\u007e]/.test(name))).toBe(true);
    expect(fullNames.some((name) => /\b(De|Van|Vande|El|Al-)\b/.test(name))).toBe(true);
    expect(new Set(learners.map((l) => l.nativeLanguage)).size).toBeGreaterThanOrEqual(12);
    for (const learner of learners) {
      expect(learner.firstName.length).toBeGreaterThan(0);
      expect(learner.nativeLanguage).toMatch(ISO_639_1);
      if (learner.postalCode !== null) expect(learner.postalCode).toMatch(/^[0-9]{4}$/);
      if (learner.email !== null) expect(learner.email).toMatch(/^[a-z0-9.]+@(voorbeeld\.be|example\.(com|org|net))$/);
      expect(learner.createdBy).toBe(OPTIONS.counsellorId);
    }
    expect(share(learners, (l) => l.email !== null)).toBeGreaterThan(0.6);
    expect(share(learners, (l) => l.phone !== null)).toBeGreaterThan(0.7);
  });

  it('uses only codes from the shared code lists', () => {
    const check = (values: readonly string[], allowed: Set<string>): void => {
      for (const value of values) expect(allowed).toContain(value);
    };
    for (const demo of all) {
      check(
        demo.learners.map((l) => l.gender),
        codesOf('genders'),
      );
      check(
        demo.learners.map((l) => l.dutchLevel),
        codesOf('dutchLevels'),
      );
      check(
        demo.learners.map((l) => l.educationLevel),
        codesOf('educationLevels', 'dataQuality'),
      );
      check(
        demo.learners.map((l) => l.employmentStatus),
        codesOf('employmentStatuses', 'dataQuality'),
      );
      check(
        demo.learners.flatMap((l) => l.targetGroups),
        codesOf('targetGroups'),
      );
      check(
        demo.learners.map((l) => l.referralSource),
        codesOf('referralSources'),
      );
      check(
        demo.cases.map((c) => c.kind),
        codesOf('caseKinds'),
      );
      check(
        demo.cases.map((c) => c.status),
        codesOf('caseStatuses'),
      );
      check(
        demo.cases.flatMap((c) => c.themes),
        codesOf('themes'),
      );
      check(
        demo.cases.flatMap((c) => c.barriers),
        codesOf('barriers'),
      );
      check(
        demo.cases.flatMap((c) => (c.exitReason ? [c.exitReason] : [])),
        codesOf('exitReasons'),
      );
      check(
        demo.cases.flatMap((c) => (c.objectivesMet ? [c.objectivesMet] : [])),
        codesOf('objectivesMet'),
      );
      check(
        demo.transitions.flatMap((t) => [t.toStatus, ...(t.fromStatus ? [t.fromStatus] : [])]),
        codesOf('caseStatuses'),
      );
      check(
        demo.contacts.map((c) => c.channel),
        codesOf('contactChannels'),
      );
      check(
        demo.contacts.map((c) => c.kind),
        codesOf('contactKinds'),
      );
      check(
        demo.consents.map((c) => c.purpose),
        codesOf('consentPurposes'),
      );
      check(
        demo.actionItems.map((a) => a.owner),
        codesOf('actionOwners'),
      );
    }
  });

  it('gives ids as unique UUID v4 strings', () => {
    const ids = all.flatMap((demo) =>
      [demo.learners, demo.cases, demo.contacts, demo.consents, demo.actionItems].flat().map((row) => row.id),
    );
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every learner an adult of 18 to 67 at today, also at the first case', () => {
    for (const demo of all) {
      const firstOpened = new Map<string, Date>();
      for (const c of demo.cases) if (!firstOpened.has(c.learnerId)) firstOpened.set(c.learnerId, c.openedAt);
      for (const learner of demo.learners) {
        const age = ageAt(learner.dateOfBirth, TODAY);
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(67);
        const opened = firstOpened.get(learner.id);
        if (!opened) throw new Error(`learner ${learner.id} has no case`);
        expect(ageAt(learner.dateOfBirth, opened)).toBeGreaterThanOrEqual(18);
        expect(learner.createdAt).toEqual(opened);
      }
    }
  });

  it('keeps target groups consistent with the answers, with about 45% low-qualified', () => {
    const learners = all.flatMap((demo) => demo.learners);
    for (const learner of learners) {
      expect(learner.targetGroups.includes('low_qualified')).toBe(
        LOW_QUALIFIED_LEVELS.includes(learner.educationLevel),
      );
      expect(learner.targetGroups.includes('age_55_plus')).toBe(ageAt(learner.dateOfBirth, TODAY) >= 55);
      expect(learner.targetGroups.includes('job_seeker')).toBe(learner.employmentStatus === 'job_seeker');
      if (learner.targetGroups.includes('newcomer')) expect(learner.nativeLanguage).not.toBe('nl');
      if (learner.nativeLanguage === 'nl') expect(learner.dutchLevel).toBe('native');
    }
    const lowQualified = share(learners, (l) => LOW_QUALIFIED_LEVELS.includes(l.educationLevel));
    expect(lowQualified).toBeGreaterThan(0.38);
    expect(lowQualified).toBeLessThan(0.52);
    expect(learners.some((l) => l.educationLevel === 'foreign_not_recognised')).toBe(true);
    expect(share(learners, (l) => l.targetGroups.includes('newcomer'))).toBeGreaterThan(0.1);
    expect(share(learners, (l) => l.gender === 'female' || l.gender === 'male')).toBeGreaterThan(0.9);
    expect(learners.some((l) => l.gender === 'x' || l.gender === 'not_given')).toBe(true);
  });

  it('spreads cases over every status, about a quarter info, some learners with an older closed case', () => {
    for (const demo of all) {
      expect(new Set(demo.cases.map((c) => c.status))).toEqual(new Set(LIFECYCLE));
      const info = share(demo.cases, (c) => c.kind === 'info');
      expect(info).toBeGreaterThan(0.17);
      expect(info).toBeLessThan(0.33);
      expect(demo.cases.length).toBeGreaterThan(150);
      expect(demo.cases.length).toBeLessThan(190);
      expect(share(demo.cases, (c) => c.counsellorId === OPTIONS.coordinatorId)).toBeGreaterThan(0.05);
      const casesOf = new Map<string, CaseRow[]>();
      for (const c of demo.cases) casesOf.set(c.learnerId, [...(casesOf.get(c.learnerId) ?? []), c]);
      for (const [older, newer] of [...casesOf.values()].filter((cases) => cases.length === 2)) {
        expect(older?.status).toBe('closed');
        expect(older?.closedAt?.getTime()).toBeLessThan(newer?.openedAt.getTime() ?? 0);
      }
    }
    const cases = all.flatMap((demo) => demo.cases);
    const earliest = Math.min(...cases.map((c) => c.openedAt.getTime()));
    expect((TODAY.getTime() - earliest) / 86_400_000).toBeGreaterThan(480);
    expect((TODAY.getTime() - earliest) / 86_400_000).toBeLessThanOrEqual(548);
  });

  it('closes a case exactly when it has closed_at, and then with an exit reason and objectives met', () => {
    const cases = all.flatMap((demo) => demo.cases);
    for (const c of cases) {
      expect(c.status === 'closed').toBe(c.closedAt !== null);
      expect(c.status === 'closed').toBe(c.exitReason !== null);
      expect(c.status === 'closed').toBe(c.objectivesMet !== null);
      expect(c.openedAt.getTime()).toBeLessThan(TODAY.getTime());
      if (c.closedAt) expect(c.closedAt.getTime()).toBeGreaterThan(c.openedAt.getTime());
      if (c.closedAt) expect(c.closedAt.getTime()).toBeLessThan(TODAY.getTime());
      expect(c.themes.length).toBeGreaterThan(0);
      expect(c.learningQuestion.length).toBeGreaterThan(10);
    }
    const closed = cases.filter((c) => c.status === 'closed');
    expect(share(closed, (c) => c.exitReason === 'lost_contact')).toBeGreaterThan(0.08);
    expect(share(closed, (c) => c.objectivesMet === 'unknown')).toBeGreaterThan(0.1);
  });

  it('walks each case through its states in order, by its counsellor, ending in its status', () => {
    for (const demo of all) {
      const transitions = byCase(demo.transitions);
      for (const c of demo.cases) {
        const walk = transitions.get(c.id) ?? [];
        expect(walk[0]).toMatchObject({ fromStatus: null, toStatus: 'registered', at: c.openedAt });
        expect(walk.at(-1)?.toStatus).toBe(c.status);
        if (c.closedAt) expect(walk.at(-1)?.at).toEqual(c.closedAt);
        walk.forEach((step, i) => {
          expect(step.byUser).toBe(c.counsellorId);
          const previous = walk[i - 1];
          if (!previous) return;
          expect(step.fromStatus).toBe(previous.toStatus);
          expect(LIFECYCLE.indexOf(step.toStatus)).toBeGreaterThan(LIFECYCLE.indexOf(previous.toStatus));
          expect(step.at.getTime()).toBeGreaterThan(previous.at.getTime());
        });
        expect(walk.at(-1)?.at.getTime()).toBeLessThan(TODAY.getTime());
      }
    }
  });

  it('places contacts inside the case period, the first one an intake, about an hour each', () => {
    const perCase: number[] = [];
    for (const demo of all) {
      const contacts = byCase(demo.contacts);
      for (const c of demo.cases) {
        const list: ContactRow[] = contacts.get(c.id) ?? [];
        perCase.push(list.length);
        if (list[0]) expect(list[0].kind).toBe('intake');
        list.forEach((contact, i) => {
          expect(contact.occurredAt.getTime()).toBeGreaterThanOrEqual(c.openedAt.getTime());
          expect(contact.occurredAt.getTime()).toBeLessThanOrEqual(caseEnd(c).getTime());
          expect(contact.occurredAt.getTime()).toBeGreaterThanOrEqual(list[i - 1]?.occurredAt.getTime() ?? 0);
          expect(contact.durationMinutes).toBeGreaterThanOrEqual(30);
          expect(contact.durationMinutes).toBeLessThanOrEqual(90);
          expect(contact.counsellorId).toBe(c.counsellorId);
          if (i > 0) expect(contact.kind).not.toBe('intake');
        });
      }
    }
    expect(Math.max(...perCase)).toBeLessThanOrEqual(MAX_CONTACTS_PER_CASE);
    expect(share(perCase, (n) => n === 1)).toBeGreaterThan(0.2);
    expect(share(perCase, (n) => n === 2 || n === 3)).toBeGreaterThan(0.2);
    expect(perCase.some((n) => n >= 6)).toBe(true);
    const contacts = all.flatMap((demo) => demo.contacts);
    const meanMinutes = contacts.reduce((sum, c) => sum + c.durationMinutes, 0) / contacts.length;
    expect(meanMinutes).toBeGreaterThan(50);
    expect(meanMinutes).toBeLessThan(70);
  });

  it('records guidance-processing consent for every learner at the first case, and more for many', () => {
    for (const demo of all) {
      const firstCase = new Map<string, CaseRow>();
      for (const c of demo.cases) if (!firstCase.has(c.learnerId)) firstCase.set(c.learnerId, c);
      for (const learner of demo.learners) {
        const consents = demo.consents.filter((c) => c.learnerId === learner.id);
        const processing = consents.find((c) => c.purpose === 'guidance_processing');
        expect(processing).toMatchObject({
          textVersion: 'v1',
          givenAt: firstCase.get(learner.id)?.openedAt,
          registeredBy: firstCase.get(learner.id)?.counsellorId,
        });
      }
      expect(
        share(demo.learners, (l) => demo.consents.some((c) => c.learnerId === l.id && c.purpose === 'statistics')),
      ).toBeGreaterThan(0.5);
      expect(
        share(demo.learners, (l) =>
          demo.consents.some((c) => c.learnerId === l.id && c.purpose === 'outcome_follow_up'),
        ),
      ).toBeGreaterThan(0.4);
    }
  });

  it('gives active guidance cases tasks (some done, some overdue) and closed ones their 3/6/12-month follow-ups', () => {
    const today = TODAY.toISOString().slice(0, 10);
    const items = all.flatMap((demo) => demo.actionItems);
    const cases = new Map(all.flatMap((demo) => demo.cases).map((c) => [c.id, c]));
    const tasks = items.filter((item) => item.followUpMonths === null);
    expect(tasks.some((t) => t.doneAt !== null)).toBe(true);
    expect(tasks.some((t) => t.doneAt === null && (t.dueDate ?? today) < today)).toBe(true);
    expect(tasks.some((t) => t.doneAt === null && (t.dueDate ?? today) >= today)).toBe(true);
    for (const task of tasks) {
      expect(cases.get(task.caseId)).toMatchObject({ kind: 'guidance', closedAt: null });
      expect(['learner', 'counsellor']).toContain(task.owner);
      if (task.doneAt) expect(task.doneAt.getTime()).toBeLessThanOrEqual(TODAY.getTime());
    }

    const followUps = items.filter((item) => item.followUpMonths !== null);
    for (const followUp of followUps) {
      const closedAt = cases.get(followUp.caseId)?.closedAt;
      if (!closedAt) throw new Error('follow-up on a case that is not closed');
      const due = new Date(
        Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth() + (followUp.followUpMonths ?? 0), 1),
      );
      expect(followUp.dueDate?.slice(0, 7)).toBe(due.toISOString().slice(0, 7));
      if ((followUp.dueDate ?? today) >= today)
        expect(followUp).toMatchObject({ doneAt: null, inEducation: null, employed: null });
      if (followUp.doneAt) expect(followUp.doneAt.getTime()).toBeLessThanOrEqual(TODAY.getTime());
      if (followUp.doneAt === null) expect(followUp.inEducation).toBeNull();
    }
    const closedGuidance = [...cases.values()].filter((c) => c.kind === 'guidance' && c.status === 'closed');
    expect(share(closedGuidance, (c) => followUps.some((f) => f.caseId === c.id))).toBeGreaterThan(0.5);
    expect(followUps.some((f) => f.inEducation !== null)).toBe(true);
    expect(followUps.some((f) => f.doneAt === null && (f.dueDate ?? today) < today)).toBe(true);
    expect(followUps.some((f) => (f.dueDate ?? '') > today)).toBe(true);
  });
});
