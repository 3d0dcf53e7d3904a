import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { DomainError } from '../../common/problem/domain-error.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { AuditService } from '../audit/audit.service.js';
import { PartnersRepository } from '../identity/partners.repository.js';
import { UsersRepository } from '../identity/users.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { accessExportHtml } from './access-export.html.js';
import { PrivacyRepository } from './privacy.repository.js';

type Json = Record<string, unknown>;

/** Everything the region holds about one learner, as stored (every column, so nothing added later is missed). */
export interface AccessExport {
  generatedAt: string;
  region: { slug: string; name: string };
  learner: Json;
  history: Json[];
  consents: Json[];
  cases: Json[];
  registrations: Json[];
  accessLog: Json[];
  erasureRequests: Json[];
  retention: { anonymiseOn: string | null; rule: string };
}

const INTERNAL = ['search_key', 'search_key_reversed', 'insz_encrypted', 'health_barrier'];

/**
 * The right of access (GDPR Art. 15): a complete export of one learner for a coordinator, as JSON and as a
 * readable Dutch HTML document. The export itself is logged in the learner's access log and the audit trail.
 */
@Injectable()
export class AccessExportService {
  constructor(
    private readonly regionWork: RegionUnitOfWork,
    private readonly learners: LearnersRepository,
    private readonly privacy: PrivacyRepository,
    private readonly users: UsersRepository,
    private readonly partners: PartnersRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async export(region: RegionRef & { displayName: string }, learnerId: string, actor: UserPrincipal, meta: RequestMeta): Promise<AccessExport> {
    const data = await this.regionWork.runIn(region, async (manager) => {
      const [learner] = await rows(manager, 'SELECT to_jsonb(l) AS row FROM learner l WHERE l.id = $1', [learnerId]);
      if (!learner) throw DomainError.notFound('This learner');
      await this.learners.logAccess(manager, learnerId, actor.userId, ['access_export']);
      const cases = await rows(manager, 'SELECT to_jsonb(c) AS row FROM guidance_case c WHERE c.learner_id = $1 ORDER BY c.opened_at, c.id', [learnerId]);
      const children = async (sql: string, caseId: unknown) => (await rows(manager, sql, [caseId])).map(clean);
      for (const kase of cases) {
        const health = kase.health_barrier;
        kase.health_barrier = typeof health === 'string' ? this.cipher.decrypt(Buffer.from(health.replace(/^\\x/, ''), 'hex')) === 'true' : false;
        kase.transitions = await children('SELECT to_jsonb(t) AS row FROM case_transition t WHERE t.case_id = $1 ORDER BY t.id', kase.id);
        kase.contacts = await children('SELECT to_jsonb(t) AS row FROM contact t WHERE t.case_id = $1 ORDER BY t.occurred_at, t.id', kase.id);
        kase.action_items = await children('SELECT to_jsonb(t) AS row FROM action_item t WHERE t.case_id = $1 ORDER BY t.created_at, t.id', kase.id);
        kase.offer_gaps = await children('SELECT to_jsonb(t) AS row FROM offer_gap t WHERE t.case_id = $1 ORDER BY t.signalled_at, t.id', kase.id);
        kase.referrals = await children(
          `SELECT to_jsonb(r) || jsonb_build_object('exchange', to_jsonb(x) - 'region_id', 'events',
                  (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.id), '[]') FROM exchange.referral_event e WHERE e.referral_id = r.id)) AS row
             FROM referral r JOIN exchange.referral x ON x.id = r.id WHERE r.case_id = $1 ORDER BY x.sent_at, r.id`,
          kase.id,
        );
      }
      const insz = learner.insz_encrypted;
      return {
        learner: { ...clean(learner), insz: typeof insz === 'string' ? this.cipher.decrypt(Buffer.from(insz.replace(/^\\x/, ''), 'hex')) : null },
        history: (await rows(manager, 'SELECT to_jsonb(h) AS row FROM learner_history h WHERE h.learner_id = $1 ORDER BY h.id', [learnerId])).map(clean),
        consents: (await rows(manager, 'SELECT to_jsonb(c) AS row FROM consent c WHERE c.learner_id = $1 ORDER BY c.given_at, c.id', [learnerId])).map(clean),
        cases: cases.map(clean),
        registrations: (await rows(manager, 'SELECT to_jsonb(g) - \'region_id\' AS row FROM exchange.registration g WHERE g.learner_id = $1 ORDER BY g.created_at', [learnerId])).map(clean),
        accessLog: (await rows(manager, 'SELECT to_jsonb(a) AS row FROM learner_access a WHERE a.learner_id = $1 ORDER BY a.id', [learnerId])).map(clean),
        erasureRequests: (await rows(manager, 'SELECT to_jsonb(e) AS row FROM erasure_request e WHERE e.learner_id = $1 ORDER BY e.requested_at', [learnerId])).map(clean),
        anonymiseOn: await this.privacy.anonymiseOn(manager, learnerId),
      };
    });
    await this.audit.record({ action: 'learner.access_export', actorUserId: actor.userId, targetType: 'learner', targetId: learnerId, regionId: region.id, ...meta });
    await this.name(data);
    return {
      generatedAt: new Date().toISOString(),
      region: { slug: region.slug, name: region.displayName },
      learner: data.learner,
      history: data.history,
      consents: data.consents,
      cases: data.cases,
      registrations: data.registrations,
      accessLog: data.accessLog,
      erasureRequests: data.erasureRequests,
      retention: {
        anonymiseOn: data.anonymiseOn ? new Date(data.anonymiseOn).toISOString() : null,
        rule: 'Anonymised when every case is closed and past the retention period of its kind (null: a case is still open).',
      },
    };
  }

  html(exported: AccessExport): string {
    return accessExportHtml(exported);
  }

  /** Adds the names of the staff and partner organisations the records refer to. */
  private async name(data: { accessLog: Json[]; cases: Json[]; history: Json[]; registrations: Json[]; consents: Json[] }): Promise<void> {
    const userIds = new Set<string>();
    const partnerIds = new Set<string>();
    const collect = (record: Json) => {
      for (const [key, value] of Object.entries(record)) {
        if (typeof value !== 'string') continue;
        if (['user_id', 'counsellor_id', 'changed_by', 'registered_by', 'withdrawn_by', 'created_by', 'by_user', 'signalled_by'].includes(key)) userIds.add(value);
        if (key === 'partner_id') partnerIds.add(value);
      }
    };
    const all = [...data.accessLog, ...data.history, ...data.registrations, ...data.consents, ...data.cases];
    for (const kase of data.cases) for (const key of ['contacts', 'transitions', 'referrals', 'offer_gaps']) all.push(...((kase[key] as Json[] | undefined) ?? []));
    all.forEach(collect);
    const users = await this.users.displayNames([...userIds]);
    const partners = new Map<string, string>();
    for (const id of partnerIds) partners.set(id, (await this.partners.findById(id))?.name ?? id);
    for (const record of all) {
      for (const [key, value] of Object.entries(record)) {
        if (typeof value !== 'string') continue;
        if (users.has(value)) record[`${key}_name`] = users.get(value);
        if (key === 'partner_id') record.partner_name = partners.get(value);
      }
    }
  }
}

async function rows(manager: EntityManager, sql: string, params: unknown[]): Promise<Json[]> {
  return (await manager.query<{ row: Json }[]>(sql, params)).map((result) => result.row);
}

function clean(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => !INTERNAL.includes(key) || (key === 'health_barrier' && typeof value === 'boolean')));
}
