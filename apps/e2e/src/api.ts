import { createApiClient, type ApiClient, type components } from '@leerwinkel/contracts';

/** The demo accounts `pnpm start` seeds (DEMO ONLY). */
export const DEMO_PASSWORD = 'Leerwinkel-demo-2026';
export const DEMO_REGION = 'west-vlaanderen';
export const ACCOUNTS = {
  counsellor: 'begeleider@west-vlaanderen.leerwinkel.test',
  coordinator: 'coordinator@west-vlaanderen.leerwinkel.test',
  analyst: 'analist@ondersteuningspunt.leerwinkel.test',
  admin: 'admin@ondersteuningspunt.leerwinkel.test',
  partner: 'partner@cvo-west-vlaanderen.leerwinkel.test',
} as const;

export interface ApiSession {
  /** The generated client, sending `Authorization: Bearer <access token>`. */
  client: ApiClient;
  /** `lw_refresh=<value>`: what a browser would send to restore this session. */
  refreshCookie: string;
}

/** Signs in through `POST /api/v1/auth/login` (the API, not the UI) and keeps the refresh cookie it sets. */
export async function signIn(baseUrl: string, email: string): Promise<ApiSession> {
  const { data, response } = await createApiClient(baseUrl).POST('/api/v1/auth/login', {
    body: { email, password: DEMO_PASSWORD },
  });
  if (!data) throw new Error(`Signing in as ${email} failed: HTTP ${String(response.status)}`);
  const refreshCookie = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('lw_refresh='));
  if (refreshCookie === undefined) throw new Error(`Signing in as ${email} set no lw_refresh cookie`);
  return {
    client: createApiClient(baseUrl, { headers: { Authorization: `Bearer ${data.accessToken}` } }),
    refreshCookie,
  };
}

/** The 2xx body of a generated-client call, or an error naming the call and the problem. */
async function ok<Data>(
  what: string,
  call: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined)
    throw new Error(`${what}: HTTP ${String(response.status)} ${JSON.stringify(error)}`);
  return data;
}

/** `POST /api/v1/admin/indicators/refresh` (platform admin): recompute the indicator facts now. */
export function refreshIndicators(admin: ApiSession): Promise<components['schemas']['IndicatorRefreshDto']> {
  return ok('Refreshing the indicators', admin.client.POST('/api/v1/admin/indicators/refresh'));
}

/**
 * The partner organisation of a partner person (`GET /api/v1/partner/me`), as the catalogue describes it to the
 * region (`GET /api/v1/partners/{partnerId}`: name, partner type).
 */
export async function partnerOf(
  partner: ApiSession,
  reader: ApiSession,
): Promise<components['schemas']['CataloguePartnerDto']> {
  const identity = await ok('Reading the partner identity', partner.client.GET('/api/v1/partner/me'));
  return ok(
    'Reading the partner in the catalogue',
    reader.client.GET('/api/v1/partners/{partnerId}', { params: { path: { partnerId: identity.partner.id } } }),
  );
}

export interface FlowLearner {
  learnerId: string;
  caseId: string;
  /** When the case was opened: the learner page names the case by it. */
  openedAt: string;
  firstName: string;
  lastName: string;
  /** Whether the learner already consented to sharing with the partner (else the flow records it in the UI). */
  hasSharingConsent: boolean;
}

/**
 * A learner the counsellor can refer in the flow, chosen from the demo data through the API so the test does not
 * depend on generated names: one of the counsellor's own open guidance cases whose learner is the only one with
 * that name (so the search finds exactly one), is not restricted, and has no referral of that case to the partner
 * yet. Learners without a consent for the partner come first: the flow then records it in the UI.
 */
export async function pickLearner(counsellor: ApiSession, region: string, partnerId: string): Promise<FlowLearner> {
  const path = { region };
  const cases = await ok(
    'Listing the counsellor’s cases',
    counsellor.client.GET('/api/v1/regions/{region}/cases', {
      params: { path, query: { mine: true, status: 'guidance', limit: 100 } },
    }),
  );
  const candidates: FlowLearner[] = [];
  for (const kase of cases.items) {
    const learner = await ok(
      'Reading a learner',
      counsellor.client.GET('/api/v1/regions/{region}/learners/{learnerId}', {
        params: { path: { region, learnerId: kase.learnerId } },
      }),
    );
    if (learner.restriction !== null || learner.anonymisedAt !== null) continue;
    const fullName = `${learner.firstName} ${learner.lastName}`;
    const found = await ok(
      'Searching learners',
      counsellor.client.GET('/api/v1/regions/{region}/learners', {
        params: { path, query: { q: fullName, limit: 50 } },
      }),
    );
    const sameName = found.items.filter(
      (item) => item.firstName === learner.firstName && item.lastName === learner.lastName,
    );
    if (sameName.length !== 1 || sameName[0]?.id !== learner.id) continue;
    const referrals = await ok(
      'Listing the case’s referrals',
      counsellor.client.GET('/api/v1/regions/{region}/cases/{caseId}/referrals', {
        params: { path: { region, caseId: kase.id } },
      }),
    );
    if (referrals.items.some((referral) => referral.partnerId === partnerId)) continue;
    const consents = await ok(
      'Listing the learner’s consents',
      counsellor.client.GET('/api/v1/regions/{region}/learners/{learnerId}/consents', {
        params: { path: { region, learnerId: learner.id } },
      }),
    );
    const hasSharingConsent = consents.items.some(
      (consent) =>
        consent.purpose === 'partner_sharing' && consent.partnerId === partnerId && consent.withdrawnAt === null,
    );
    const candidate = {
      learnerId: learner.id,
      caseId: kase.id,
      openedAt: kase.openedAt,
      firstName: learner.firstName,
      lastName: learner.lastName,
      hasSharingConsent,
    };
    if (!hasSharingConsent) return candidate;
    candidates.push(candidate);
  }
  const [fallback] = candidates;
  if (!fallback)
    throw new Error(`The demo data of ${region} has no open guidance case of the counsellor that the flow can use`);
  return fallback;
}
