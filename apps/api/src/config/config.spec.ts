import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a developer machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, database: { url: undefined, poolSize: 10 }, seedDemoData: true });
  });

  it('gives request-pool queries a deadline beyond the statement timeout, and refuses one that would cut a live query short', () => {
    expect(loadConfig({}).database).toMatchObject({ statementTimeoutMs: 15_000, queryDeadlineMs: 20_000 });
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '1000' }).database.queryDeadlineMs).toBe(6_000);
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_QUERY_DEADLINE_MS: '1500' }).database.queryDeadlineMs).toBe(1_500);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_QUERY_DEADLINE_MS: '1000' })).toThrow(
      /DATABASE_QUERY_DEADLINE_MS: must be longer than DATABASE_STATEMENT_TIMEOUT_MS/,
    );
  });

  it('lists everything that is missing or wrong at once', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
  });

  it('refuses production without real database secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: is required in production[\s\S]*DATABASE_APP_PASSWORD: is required in production[\s\S]*JWT_SECRET: is required in production/,
    );
    expect(() => loadConfig({ JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses the published development secrets and the demo accounts in production', () => {
    const real = {
      NODE_ENV: 'production', DATABASE_URL: 'postgres://owner:pw@db:5432/leerwinkel', DATABASE_APP_PASSWORD: 'a-real-app-password-0123',
      JWT_SECRET: 'a-real-jwt-secret-of-more-than-32-characters', FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(loadConfig(real)).toMatchObject({ env: 'production', seedDemoData: false });
    const published = {
      ...real, DATABASE_APP_PASSWORD: 'leerwinkel-dev-only-app-password', JWT_SECRET: 'leerwinkel-dev-only-jwt-secret-do-not-use-in-production',
      FIELD_ENCRYPTION_KEY: loadConfig({}).fieldEncryptionKey.toString('base64'),
    };
    expect(() => loadConfig(published)).toThrow(
      /DATABASE_APP_PASSWORD: is the published development value[\s\S]*JWT_SECRET: is the published[\s\S]*FIELD_ENCRYPTION_KEY: is the published/,
    );
    expect(() => loadConfig({ ...real, SEED_DEMO_DATA: 'true' })).toThrow(/SEED_DEMO_DATA: must not be on in production/);
  });
});
