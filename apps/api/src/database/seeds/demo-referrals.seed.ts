import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { quoteIdent } from '../../tenancy/region-naming.js';
import { DEMO_REGIONS } from './demo-accounts.js';
import { demoPartners } from './demo-catalogue.seed.js';

/** The path a referral takes to each state (actor of each step after `sent`). */
const PATHS: Record<string, [string, 'partner' | 'region' | 'system'][]> = {
  sent: [],
  received: [['received', 'partner']],
  accepted: [['received', 'partner'], ['accepted', 'partner']],
  waitlisted: [['received', 'partner'], ['waitlisted', 'partner']],
  declined: [['received', 'partner'], ['declined', 'partner']],
  scheduled: [['received', 'partner'], ['accepted', 'partner'], ['scheduled', 'partner']],
  enrolled: [['accepted', 'partner'], ['scheduled', 'partner'], ['enrolled', 'partner']],
  started: [['accepted', 'partner'], ['scheduled', 'partner'], ['enrolled', 'partner'], ['started', 'partner']],
  completed: [['accepted', 'partner'], ['scheduled', 'partner'], ['enrolled', 'partner'], ['started', 'partner'], ['completed', 'partner']],
  dropped_out: [['accepted', 'partner'], ['enrolled', 'partner'], ['started', 'partner'], ['dropped_out', 'partner']],
  no_show: [['received', 'partner'], ['accepted', 'partner'], ['scheduled', 'partner'], ['no_show', 'partner']],
  expired: [['expired', 'system']],
  withdrawn: [['withdrawn', 'region']],
};
const STATES = Object.keys(PATHS);
const DAY = 86_400_000;

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Demo referrals in every state: per demo region about two dozen guidance cases get a sharing consent and a
 * referral to the region's CVO or to VDAB, walked to a state with its events. Deterministic, idempotent.
 */
export async function seedDemoReferrals(owner: DataSource): Promise<number> {
  const partners = new Map(
    (await owner.query<{ id: string; name: string }[]>('SELECT id, name FROM platform.partner')).map((p) => [p.name.toLowerCase(), p.id]),
  );
  const catalogue = demoPartners();
  let created = 0;
  for (const demo of DEMO_REGIONS) {
    const [region] = await owner.query<{ id: string; schema_name: string; display_name: string }[]>('SELECT id, schema_name, display_name FROM platform.region WHERE slug = $1', [demo.slug]);
    if (!region) continue;
    const exists = await owner.query<unknown[]>('SELECT 1 FROM exchange.referral WHERE region_id = $1 LIMIT 1', [region.id]);
    if (exists.length > 0) continue;
    const targets = ['cvo', 'vdab']
      .map((type) => catalogue.find((p) => p.type === type && p.regions.includes(demo.slug)))
      .map((p) => (p ? { id: partners.get(p.name.toLowerCase()), name: p.name } : undefined))
      .filter((p): p is { id: string; name: string } => p?.id !== undefined);
    if (targets.length === 0) continue;
    await owner.transaction(async (manager) => {
      await manager.query("SELECT set_config('search_path', $1, true)", [quoteIdent(region.schema_name)]);
      const cases = await manager.query<{ id: string; learner_id: string; counsellor_id: string; opened_at: Date; learning_question: string | null; first_name: string; last_name: string; email: string | null; phone: string | null; education_level: string; dutch_level: string }[]>(
        `SELECT c.id, c.learner_id, c.counsellor_id, c.opened_at, c.learning_question, l.first_name, l.last_name, l.email, l.phone, l.education_level, l.dutch_level
           FROM guidance_case c JOIN learner l ON l.id = c.learner_id
          WHERE c.kind = 'guidance' AND c.status IN ('guidance', 'follow_up', 'closed') ORDER BY c.id LIMIT 26`,
      );
      const [counsellor] = await manager.query<{ display_name: string; email: string }[]>('SELECT display_name, email FROM platform.user_account WHERE email = $1', [`begeleider@${demo.slug}.leerwinkel.test`]);
      for (const [index, kase] of cases.entries()) {
        const state = STATES[index % STATES.length] ?? 'sent';
        const partner = targets[index % targets.length];
        if (!partner) continue;
        const id = uuidFrom(`referral:${demo.slug}:${kase.id}`);
        const sentAt = new Date(new Date(kase.opened_at).getTime() + 7 * DAY);
        const [consent] = await manager.query<[{ id: string }]>(
          "INSERT INTO consent (learner_id, purpose, partner_id, text_version, given_at, registered_by) VALUES ($1, 'partner_sharing', $2, 'v1', $3, $4) RETURNING id",
          [kase.learner_id, partner.id, sentAt, kase.counsellor_id],
        );
        const packet = {
          region: { slug: demo.slug, name: region.display_name },
          partner: { id: partner.id, name: partner.name },
          offer: null,
          learner: { firstName: kase.first_name, lastName: kase.last_name, email: kase.email, phone: kase.phone },
          learningQuestion: kase.learning_question,
          educationLevel: kase.education_level,
          dutchLevel: kase.dutch_level,
          preferredStart: null,
          counsellor: { name: counsellor?.display_name ?? 'Demo begeleider', email: counsellor?.email ?? '' },
        };
        const path = PATHS[state] ?? [];
        const updatedAt = new Date(sentAt.getTime() + path.length * 3 * DAY);
        await manager.query(
          "INSERT INTO referral (id, case_id, consent_id, partner_id, shared, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [id, kase.id, consent.id, partner.id, JSON.stringify({ contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true }), kase.counsellor_id, sentAt],
        );
        await manager.query(
          `INSERT INTO exchange.referral (id, region_id, partner_id, status, packet, start_date, decline_reason, declined_by, respond_by, sent_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            id,
            region.id,
            partner.id,
            state,
            JSON.stringify(packet),
            path.some(([to]) => to === 'scheduled') ? new Date(sentAt.getTime() + 30 * DAY).toISOString().slice(0, 10) : null,
            state === 'declined' ? 'full' : null,
            state === 'declined' ? 'provider' : null,
            new Date(sentAt.getTime() + 14 * DAY),
            sentAt,
            updatedAt,
          ],
        );
        let from = 'sent';
        await manager.query("INSERT INTO exchange.referral_event (referral_id, to_status, actor_kind, actor_id, at) VALUES ($1, 'sent', 'region', $2, $3)", [id, kase.counsellor_id, sentAt]);
        for (const [step, [to, actor]] of path.entries()) {
          await manager.query(
            'INSERT INTO exchange.referral_event (referral_id, from_status, to_status, reason, actor_kind, at) VALUES ($1, $2, $3, $4, $5, $6)',
            [id, from, to, to === 'declined' ? 'full' : null, actor, new Date(sentAt.getTime() + (step + 1) * 3 * DAY)],
          );
          from = to;
        }
        created += 1;
      }
    });
  }
  return created;
}
