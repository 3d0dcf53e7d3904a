import request from 'supertest';
import { PARTNER_SCOPES } from '@leerwinkel/contracts';

/**
 * The partner clients the OWASP specs call the API with: a client created by a platform admin
 * (`POST /api/v1/admin/partners/{id}/clients`, 201) and its client_credentials token (`POST /api/v1/auth/token`, 200).
 */

type Server = Parameters<typeof request>[0];

export interface PartnerClient {
  clientId: string;
  clientSecret: string;
}

/** A client of the partner with these scopes (all of them by default). */
export async function createClient(
  server: Server,
  adminAuth: string,
  partnerId: string,
  scopes: readonly string[] = PARTNER_SCOPES,
  name = 'SIS',
): Promise<PartnerClient> {
  const created = (
    await request(server)
      .post(`/api/v1/admin/partners/${partnerId}/clients`)
      .set('authorization', adminAuth)
      .send({ name, scopes: [...scopes] })
      .expect(201)
  ).body as { client: { clientId: string }; clientSecret: string };
  return { clientId: created.client.clientId, clientSecret: created.clientSecret };
}

/** The token endpoint's answer for the client (the requested scope, or the client's when none is asked for). */
export async function tokenResponse(
  server: Server,
  clientId: string,
  clientSecret: string,
  scope?: string,
): Promise<{ access_token: string; scope: string }> {
  return (
    await request(server)
      .post('/api/v1/auth/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        ...(scope === undefined ? {} : { scope }),
      })
      .expect(200)
  ).body as { access_token: string; scope: string };
}

/** `Bearer …` for the client. */
export async function clientToken(server: Server, clientId: string, clientSecret: string, scope?: string): Promise<string> {
  return `Bearer ${(await tokenResponse(server, clientId, clientSecret, scope)).access_token}`;
}

/** A new partner (type cvo) with a client holding every scope, and that client's token. */
export async function partnerWithClient(
  server: Server,
  adminAuth: string,
  name: string,
): Promise<PartnerClient & { id: string; token: string }> {
  const partner = (
    await request(server)
      .post('/api/v1/admin/partners')
      .set('authorization', adminAuth)
      .send({ name, type: 'cvo' })
      .expect(201)
  ).body as { id: string };
  const client = await createClient(server, adminAuth, partner.id);
  return { id: partner.id, ...client, token: await clientToken(server, client.clientId, client.clientSecret) };
}
