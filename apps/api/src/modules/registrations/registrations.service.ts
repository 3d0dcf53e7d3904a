import { Injectable } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { ProblemCode } from '@leerwinkel/contracts';
import { partnerOf } from '../../common/auth/partner-of.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import { EXACT_INSTANT, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { PartnerUnitOfWork } from '../../tenancy/partner-unit-of-work.js';
import { type RegionRef, RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { ConsentsRepository } from '../learners/consents.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { assertMayProcess } from '../learners/learner-processing.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type {
  AcceptedRegistrationDto,
  AcceptRegistrationDto,
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  PartnerRegistrationDto,
  RegistrationDto,
  RegistrationPageDto,
} from './dto/registration.dto.js';
import { type RegistrationRow, RegistrationsRepository } from './registrations.repository.js';

const NOT_COLLECTED = 'not_collected';

/**
 * Registrations (aanmeldingen): a partner registers a person with a leerwinkel; a counsellor checks for
 * duplicates and turns it into a learner (or attaches it to a known one) and a case.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly partnerWork: PartnerUnitOfWork,
    private readonly regionWork: RegionUnitOfWork,
    private readonly registry: RegionRegistryRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly learners: LearnersRepository,
    private readonly cases: CasesRepository,
    private readonly consents: ConsentsRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  async createByPartner(principal: Principal, slug: string, input: CreateRegistrationDto): Promise<PartnerRegistrationDto> {
    const partnerId = partnerOf(principal);
    const region = await this.registry.findBySlug(slug);
    if (!region || region.status !== 'active') {
      throw new DomainError(ProblemCode.REGION_NOT_FOUND, 404, 'Region not found', `There is no active region "${slug}".`);
    }
    const row = await this.partnerWork.run(partnerId, (manager) =>
      this.registrations.create(manager, {
        regionId: region.id,
        partnerId,
        payload: { learner: instanceToPlain(input.learner), learningQuestion: input.learningQuestion?.trim() || null },
        consentReference: input.consentReference.trim(),
      }),
    );
    return { id: row.id, status: row.status, createdAt: new Date(row.createdAt).toISOString() };
  }

  async inbox(query: ListRegistrationsQueryDto): Promise<RegistrationPageDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.regionWork.run((manager) => this.registrations.list(manager, query.status ?? 'pending', query.limit + 1, after));
    return toKeysetPage(rows, query.limit, toDto, (row) => ({ t: row.sortKey, id: row.id }));
  }

  async accept(region: RegionRef, id: string, input: AcceptRegistrationDto, actor: UserPrincipal): Promise<AcceptedRegistrationDto> {
    return this.regionWork.run(async (manager) => {
      const registration = await this.registrations.find(manager, id, true);
      if (!registration) throw DomainError.notFound('This registration');
      if (registration.status !== 'pending') throw new DomainError(ProblemCode.CONFLICT, 409, 'Already accepted', 'This registration was already accepted.');
      const person = registration.payload.learner;
      let learnerId = input.existingLearnerId;
      if (learnerId !== undefined) {
        if (!(await this.learners.exists(manager, learnerId))) {
          throw DomainError.validation([{ field: 'existingLearnerId', message: 'existingLearnerId must be a learner of this region', rule: 'learnerOfRegion' }]);
        }
        await assertMayProcess(this.learners, manager, learnerId);
      } else {
        if (!input.confirmNewPerson) {
          const candidates = await this.learners.similar(manager, person.firstName, person.lastName, person.dateOfBirth);
          if (candidates.length > 0) {
            throw new DomainError(ProblemCode.POSSIBLE_DUPLICATE, 409, 'Possible duplicate', 'This person may already be registered: attach to them (existingLearnerId) or confirm a new person.', undefined, {
              candidates: candidates.map(({ id: candidateId, firstName, lastName, dateOfBirth, municipality }) => ({ id: candidateId, firstName, lastName, dateOfBirth, municipality })),
            });
          }
        }
        learnerId = (
          await this.learners.insert(
            manager,
            {
              firstName: person.firstName,
              lastName: person.lastName,
              dateOfBirth: person.dateOfBirth,
              gender: 'not_given',
              email: person.email ?? null,
              phone: person.phone ?? null,
              postalCode: person.postalCode ?? null,
              municipality: person.municipality ?? null,
              nativeLanguage: person.nativeLanguage ?? NOT_COLLECTED,
              dutchLevel: person.dutchLevel ?? NOT_COLLECTED,
              educationLevel: person.educationLevel ?? NOT_COLLECTED,
              employmentStatus: NOT_COLLECTED,
              targetGroups: [],
              referralSource: 'partner',
              inszEncrypted: null,
            },
            actor.userId,
          )
        ).id;
      }
      const caseId = await this.cases.insert(
        manager,
        { learnerId, kind: input.kind ?? 'guidance', counsellorId: actor.userId, organisationId: null, learningQuestion: registration.payload.learningQuestion, themes: [], barriers: [], goal: null },
        actor.userId,
      );
      await this.consents.insert(
        manager,
        learnerId,
        { purpose: 'guidance_processing', partnerId: null, textVersion: registration.consentReference.slice(0, 40), givenAt: new Date(registration.createdAt) },
        actor.userId,
      );
      await this.registrations.markAccepted(manager, id, learnerId, caseId);
      const accepted = await this.registrations.find(manager, id);
      if (!accepted) throw DomainError.notFound('This registration');
      await this.outbox.add(manager, {
        regionId: region.id,
        partnerId: accepted.partnerId,
        event: { type: 'registration.accepted', data: { registration: { id, region: { slug: region.slug }, partnerId: accepted.partnerId, acceptedAt: new Date().toISOString() } } },
      });
      return { registration: toDto(accepted), learnerId, caseId };
    });
  }
}

function toDto(row: RegistrationRow): RegistrationDto {
  return {
    id: row.id,
    partnerId: row.partnerId,
    learner: row.payload.learner,
    learningQuestion: row.payload.learningQuestion,
    consentReference: row.consentReference,
    status: row.status,
    learnerId: row.learnerId,
    caseId: row.caseId,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
