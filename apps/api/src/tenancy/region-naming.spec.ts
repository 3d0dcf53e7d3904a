import { describe, expect, it } from '@jest/globals';
import { defaultRolePrefix, quoteIdent, regionRoleName, regionSchemaName } from './region-naming.js';

describe('region naming', () => {
  it('derives schema and role names from a valid slug', () => {
    expect(regionSchemaName('west-vlaanderen')).toBe('region_west_vlaanderen');
    expect(regionRoleName('leerwinkel', 'west-vlaanderen')).toBe('leerwinkel_r_west_vlaanderen');
  });

  it('stays within PostgreSQL identifier limits for the longest slug and prefix', () => {
    const slug = `a${'b'.repeat(40)}`;
    expect(regionRoleName('p'.repeat(19), slug).length).toBeLessThanOrEqual(63);
    expect(regionSchemaName(slug).length).toBeLessThanOrEqual(63);
  });

  it.each(['../x', 'west"; drop', 'A', 'x', '', 'é', `a${'b'.repeat(41)}`])('refuses the slug %j', (slug) => {
    expect(() => regionSchemaName(slug)).toThrow('Invalid region slug');
  });

  it('quotes only identifiers it could have derived', () => {
    expect(quoteIdent('region_a')).toBe('"region_a"');
    expect(() => quoteIdent('a"; drop role x; --')).toThrow('unsafe');
  });

  it('makes a safe role prefix from any database name', () => {
    expect(defaultRolePrefix('leerwinkel_test')).toBe('leerwinkel_test');
    expect(defaultRolePrefix('My-DB')).toBe('my_db');
    expect(defaultRolePrefix('1db')).toBe('lw_1db');
  });
});
