import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@leerwinkel/contracts';
import { createFakeFetch, jsonResponse } from '@/test/fake-fetch';
import { problemResponse } from '@/test/fake-api';
import { Session, sessionFor } from './session';
import { everythingStored } from '@/test/storage';

function token(accessToken: string, expiresIn = 900) {
  return { accessToken, tokenType: 'Bearer' as const, expiresIn };
}

/** A promise with its resolve function, to hold an answer back until the test lets it go. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const path = (request: Request) => new URL(request.url).pathname;

/**
 * A client whose API accepts only `Bearer ${valid.current}`; refresh hands out token-2, token-3, ….
 * `refreshGate` lets a test hold the refresh answer back to make requests overlap.
 */
function setup({ refreshAnswer }: { refreshAnswer?: () => Response | Promise<Response> } = {}) {
  const valid = { current: 'token-1' };
  let issued = 1;
  const fake = createFakeFetch(async (request) => {
    if (path(request) === '/api/v1/auth/refresh') {
      if (refreshAnswer) return refreshAnswer();
      issued += 1;
      valid.current = `token-${issued}`;
      return jsonResponse(token(valid.current));
    }
    if (request.headers.get('authorization') !== `Bearer ${valid.current}`) {
      return problemResponse(401, 'AUTH.UNAUTHENTICATED');
    }
    if (path(request) === '/api/v1/admin/partners' && request.method === 'POST') {
      const body = (await request.json()) as { name: string };
      return jsonResponse({ id: 'p-1', name: body.name, status: 'active' }, 201);
    }
    return jsonResponse({ items: [], nextCursor: null });
  });
  const client = createApiClient('http://localhost', { fetch: fake.fetch });
  const session = sessionFor(client);
  const refreshes = () => fake.requests.filter((request) => path(request) === '/api/v1/auth/refresh');
  return { client, session, fake, valid, refreshes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('session', () => {
  it('sends the access token as a Bearer header, but not to the auth routes', async () => {
    const { client, session, fake } = setup();
    session.signIn(token('token-1'));

    await client.GET('/api/v1/admin/partners');
    await client.POST('/api/v1/auth/logout');

    expect(fake.requests[0]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(fake.requests[1]?.headers.get('authorization')).toBeNull();
    session.dispose();
  });

  it('registers its middleware once per client', () => {
    const { client, session } = setup();
    expect(sessionFor(client)).toBe(session);
  });

  it('on 401 AUTH.UNAUTHENTICATED refreshes once and retries the request once, body included', async () => {
    const { client, session, fake, valid, refreshes } = setup();
    session.signIn(token('token-1'));
    valid.current = 'token-stale'; // the token in hand has expired server-side

    const { data, response } = await client.POST('/api/v1/admin/partners', { body: { name: 'CVO Brugge' } });

    expect(response.status).toBe(201);
    expect(data?.name).toBe('CVO Brugge');
    expect(refreshes()).toHaveLength(1);
    const posts = fake.requests.filter((request) => path(request) === '/api/v1/admin/partners');
    expect(posts.map((request) => request.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    session.dispose();
  });

  it('shares ONE refresh between two requests that get a 401 at the same time', async () => {
    const gate = deferred<undefined>();
    let issued = 1;
    const { client, session, valid, refreshes } = setup({
      refreshAnswer: async () => {
        await gate.promise;
        issued += 1;
        valid.current = `token-${issued}`;
        return jsonResponse(token(valid.current));
      },
    });
    session.signIn(token('token-1'));
    valid.current = 'token-stale';

    const first = client.GET('/api/v1/admin/partners');
    const second = client.GET('/api/v1/admin/regions');
    await vi.waitFor(() => {
      expect(refreshes()).toHaveLength(1);
    });
    gate.resolve(undefined);
    const answers = await Promise.all([first, second]);

    expect(answers.map((answer) => answer.response.status)).toEqual([200, 200]);
    expect(refreshes()).toHaveLength(1);
    session.dispose();
  });

  it('retries a late 401 with the already renewed token instead of refreshing again', async () => {
    const gate = deferred<undefined>();
    let issued = 1;
    const valid = { current: 'token-1' };
    const fake = createFakeFetch(async (request) => {
      if (path(request) === '/api/v1/auth/refresh') {
        issued += 1;
        valid.current = `token-${issued}`;
        return jsonResponse(token(valid.current));
      }
      if (path(request) === '/api/v1/admin/regions') await gate.promise; // a slow answer
      return request.headers.get('authorization') === `Bearer ${valid.current}`
        ? jsonResponse({ items: [], nextCursor: null })
        : problemResponse(401, 'AUTH.UNAUTHENTICATED');
    });
    const client = createApiClient('http://localhost', { fetch: fake.fetch });
    const session = sessionFor(client);
    session.signIn(token('token-1'));
    valid.current = 'token-stale';

    const slow = client.GET('/api/v1/admin/regions'); // leaves with token-1
    await vi.waitFor(() => {
      expect(fake.requests).toHaveLength(1);
    });
    await client.GET('/api/v1/admin/partners'); // 401 → refresh → token-2 → retry
    gate.resolve(undefined); // the slow one now answers 401 for token-1
    const { response } = await slow;

    expect(response.status).toBe(200);
    const refreshes = fake.requests.filter((request) => path(request) === '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    const regionCalls = fake.requests.filter((request) => path(request) === '/api/v1/admin/regions');
    expect(regionCalls.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    session.dispose();
  });

  it('leaves other errors alone: 403, and a 401 that is not AUTH.UNAUTHENTICATED', async () => {
    const fake = createFakeFetch((request) =>
      path(request) === '/api/v1/admin/partners'
        ? problemResponse(403, 'AUTH.FORBIDDEN')
        : problemResponse(401, 'AUTH.INVALID_CREDENTIALS'),
    );
    const client = createApiClient('http://localhost', { fetch: fake.fetch });
    const session = sessionFor(client);
    session.signIn(token('token-1'));

    expect((await client.GET('/api/v1/admin/partners')).response.status).toBe(403);
    expect((await client.GET('/api/v1/admin/regions')).response.status).toBe(401);
    expect(fake.requests.filter((request) => path(request) === '/api/v1/auth/refresh')).toHaveLength(0);
    session.dispose();
  });

  it('ends the session as "expired" when the refresh is refused, and answers the original 401', async () => {
    const { client, session, valid, refreshes } = setup({
      refreshAnswer: () => problemResponse(401, 'AUTH.REFRESH_INVALID'),
    });
    const ended = vi.fn();
    session.onEnd(ended);
    session.signIn(token('token-1'));
    valid.current = 'token-stale';

    const { response, error } = await client.GET('/api/v1/admin/partners');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(refreshes()).toHaveLength(1);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(ended).toHaveBeenCalledWith('expired');
  });

  it('keeps the session when the refresh could not be asked (network down)', async () => {
    const { client, session, valid } = setup({
      refreshAnswer: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    session.signIn(token('token-1'));
    valid.current = 'token-stale';

    const { response } = await client.GET('/api/v1/admin/partners');

    expect(response.status).toBe(401);
    expect(session.getSnapshot()).toEqual({ status: 'signed-in' });
    session.dispose();
  });

  it('start(): a 401 from the silent refresh just means "not signed in"; it runs once', async () => {
    const { session, refreshes } = setup({ refreshAnswer: () => problemResponse(401, 'AUTH.REFRESH_INVALID') });
    const ended = vi.fn();
    session.onEnd(ended);

    await Promise.all([session.start(), session.start()]);

    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: null });
    expect(refreshes()).toHaveLength(1);
    expect(ended).not.toHaveBeenCalled();
  });

  it('start(): a valid refresh cookie resumes the session', async () => {
    const { session } = setup();
    await session.start();
    expect(session.getSnapshot()).toEqual({ status: 'signed-in' });
    session.dispose();
  });

  it('renews the access token 60 seconds before it expires', async () => {
    vi.useFakeTimers();
    const { session, refreshes } = setup();
    session.signIn(token('token-1', 900));

    await vi.advanceTimersByTimeAsync(839_000);
    expect(refreshes()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refreshes()).toHaveLength(1);
    // And the new token (900 s again) is renewed in its turn.
    await vi.advanceTimersByTimeAsync(840_000);
    expect(refreshes()).toHaveLength(2);
    session.dispose();
  });

  it('never keeps the token in web storage', async () => {
    const { client, session } = setup();
    session.signIn(token('token-1'));
    await client.GET('/api/v1/admin/partners');
    const stored = everythingStored();
    expect(stored).not.toContain('token-1');
    expect(document.cookie).not.toContain('token-1');
    session.dispose();
  });

  it('is a plain class too (one session per client)', () => {
    const client = createApiClient('http://localhost', { fetch: createFakeFetch(() => jsonResponse({})).fetch });
    expect(new Session(client).getSnapshot()).toEqual({ status: 'unknown' });
  });
});
