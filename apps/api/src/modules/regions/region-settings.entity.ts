import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one settings row of a region (table region_settings in the region's schema; no schema named here). */
@Entity({ name: 'region_settings' })
export class RegionSettingsEntity {
  @PrimaryColumn('boolean')
  id!: boolean;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail!: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone!: string | null;

  @Column('integer', { name: 'referral_expiry_days' })
  referralExpiryDays!: number;

  @Column('boolean', { name: 'insz_enabled' })
  inszEnabled!: boolean;

  @Column('integer', { name: 'retention_info_months' })
  retentionInfoMonths!: number;

  @Column('integer', { name: 'retention_guidance_months' })
  retentionGuidanceMonths!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
