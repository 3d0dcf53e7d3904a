import { describe, expect, it } from '@jest/globals';
import { isPublicAddress, WebhookUrlPolicy } from './webhook-url-policy.js';

describe('webhook URL policy (SSRF)', () => {
  const production = new WebhookUrlPolicy([]);

  it.each([
    ['http://partner.example/hook', 'url must use https'],
    ['ftp://partner.example/hook', 'url must use https'],
    ['https://user:pw@partner.example/hook', 'url must not contain credentials'],
    ['https://127.0.0.1/hook', 'url must not point to a private, loopback or link-local address'],
    ['https://10.1.2.3/hook', 'url must not point to a private, loopback or link-local address'],
    ['https://169.254.169.254/latest/meta-data', 'url must not point to a private, loopback or link-local address'],
    ['https://[::1]/hook', 'url must not point to a private, loopback or link-local address'],
    ['https://[::ffff:192.168.1.1]/hook', 'url must not point to a private, loopback or link-local address'],
    ['https://[fd00::1]/hook', 'url must not point to a private, loopback or link-local address'],
    ['https://localhost/hook', 'url must use a public host name'],
    ['https://intranet/hook', 'url must use a public host name'],
    ['not a url', 'url must be an absolute URL'],
  ])('refuses %s in production', (url, reason) => {
    expect(production.problemWith(url)).toBe(reason);
  });

  it('accepts https to public hosts and addresses', () => {
    expect(production.problemWith('https://hooks.cvo-brugge.example/leerwinkel')).toBeNull();
    expect(production.problemWith('https://8.8.8.8:8443/hook')).toBeNull();
  });

  it('lets allow-listed hosts use http and loopback (local receivers in development and tests)', () => {
    const local = new WebhookUrlPolicy(['127.0.0.1', 'localhost']);
    expect(local.problemWith('http://127.0.0.1:4000/hook')).toBeNull();
    expect(local.problemWith('http://localhost:4000/hook')).toBeNull();
    expect(local.problemWith('http://10.0.0.1/hook')).toBe('url must use https');
  });

  it('refuses, at connection time, a public-looking name that resolves to a loopback address', async () => {
    const lookup = production.guardedLookup('localhost');
    if (!lookup) throw new Error('expected a guarded lookup');
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      lookup('localhost', {}, (err) => {
        resolve(err);
      });
    });
    expect(error?.code).toBe('EWEBHOOKBLOCKED');
  });

  it('passes a failed lookup on as the delivery error instead of throwing (a name that does not resolve)', async () => {
    const lookup = production.guardedLookup('no-such-host.invalid');
    if (!lookup) throw new Error('expected a guarded lookup');
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      lookup('no-such-host.invalid', {}, (err) => {
        resolve(err);
      });
    });
    expect(error?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });

  it('classifies addresses', () => {
    expect(isPublicAddress('192.168.0.10')).toBe(false);
    expect(isPublicAddress('100.64.0.1')).toBe(false);
    expect(isPublicAddress('::')).toBe(false);
    expect(isPublicAddress('1.1.1.1')).toBe(true);
    expect(isPublicAddress('2a02:1800::1')).toBe(true);
  });
});
