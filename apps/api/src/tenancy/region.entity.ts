import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RegionStatus = 'active' | 'suspended';

/** A row of the region registry (platform.region). */
@Entity({ schema: 'platform', name: 'region' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'schema_name' })
  schemaName!: string;

  @Column('text', { name: 'role_name' })
  roleName!: string;

  @Column('text')
  status!: RegionStatus;

  @Column('bigint', { name: 'schema_version', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  schemaVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
