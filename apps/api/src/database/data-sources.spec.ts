import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/config.js';
import { appConnectionOptions, createOwnerDataSource, databaseIdentity } from './data-sources.js';

const owner = 'postgres://owner:secret@db.internal:5432/leerwinkel';

describe('database connections', () => {
  it('without DATABASE_APP_URL the request pool goes directly to the server as the runtime role, with the statement timeout', () => {
    const { database } = loadConfig({ DATABASE_URL: owner, DATABASE_APP_PASSWORD: 'app-password-0123456789' });
    const identity = databaseIdentity(database);
    expect(identity.pooled).toBe(false);
    expect(identity.poolUrl).toBe('postgres://leerwinkel_app:app-password-0123456789@db.internal:5432/leerwinkel');
    expect(identity.poolUrl).toBe(identity.appUrl);
    expect(appConnectionOptions(database).extra).toMatchObject({ statement_timeout: 15_000 });
  });

  it('with DATABASE_APP_URL the request pool goes through the pooler (runtime role filled in, no startup timeout); jobs stay direct', () => {
    const { database } = loadConfig({ DATABASE_URL: owner, DATABASE_APP_PASSWORD: 'app-password-0123456789', DATABASE_APP_URL: 'postgres://pgbouncer:6432/leerwinkel' });
    const identity = databaseIdentity(database);
    expect(identity.pooled).toBe(true);
    expect(identity.poolUrl).toBe('postgres://leerwinkel_app:app-password-0123456789@pgbouncer:6432/leerwinkel');
    expect(identity.appUrl).toBe('postgres://leerwinkel_app:app-password-0123456789@db.internal:5432/leerwinkel');
    expect(appConnectionOptions(database)).toMatchObject({ url: identity.poolUrl, extra: { statement_timeout: 0 } });
  });

  it('only the request pool gets the query deadline client; the owner pool (migrations, dumps) runs long on purpose', () => {
    const { database } = loadConfig({ DATABASE_URL: owner, DATABASE_APP_PASSWORD: 'app-password-0123456789' });
    const { Client } = appConnectionOptions(database).extra as { Client?: unknown };
    expect(typeof Client).toBe('function');
    expect(createOwnerDataSource(database).options.extra).not.toHaveProperty('Client');
  });
});
