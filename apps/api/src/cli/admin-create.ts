import { hashSecret, newSecret } from '../common/auth/token-hash.js';
import { runMigrations } from '../database/migrate.js';
import { fail, log, withOwner } from './cli.js';

/**
 * `pnpm admin:create <email> "<name>"`: the first platform admin of a deployment. Prints a one-time
 * set-password link; the person chooses the password (nothing secret passes through the shell).
 */
const [emailInput, displayName] = process.argv.slice(2);
const email = emailInput?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !displayName?.trim()) {
  log('Usage: pnpm admin:create <email> "<display name>"');
  process.exit(2);
}
await withOwner(async (owner, server) => {
  await runMigrations(server.config, () => undefined);
  const token = newSecret('');
  await owner.transaction(async (manager) => {
    const [user] = await manager.query<[{ id: string; status: string } | undefined]>(
      `INSERT INTO platform.user_account (email, display_name, central_role) VALUES ($1, $2, 'platform_admin')
       ON CONFLICT (email) DO UPDATE SET central_role = 'platform_admin', updated_at = now() RETURNING id, status`,
      [email, displayName.trim()],
    );
    if (!user) throw new Error('account not created');
    await manager.query('UPDATE platform.invitation SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [user.id]);
    await manager.query(
      `INSERT INTO platform.invitation (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
      [user.id, hashSecret(token), server.config.auth.invitationTtlHours],
    );
    await manager.query(
      `INSERT INTO platform.audit_event (action, target_type, target_id, details) VALUES ('user.invited', 'user', $1, '{"via":"admin:create"}')`,
      [user.id],
    );
  });
  log(`Platform admin ${email}: set the password within ${server.config.auth.invitationTtlHours} h at`);
  log(`  ${server.config.auth.publicUrl}/set-password#token=${token}`);
}).catch(fail);
