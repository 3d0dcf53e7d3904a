import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { BooleanField, CodeField, DateField, DateTimeField, OptionalInput, TextField, UuidField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

export class ShareChoiceDto {
  @BooleanField({ description: "Share the learner's name, e-mail and phone." }) contactData!: boolean;
  @BooleanField({ description: 'Share the learning question.' }) learningQuestion!: boolean;
  @BooleanField({ description: 'Share the highest education level.' }) educationLevel!: boolean;
  @BooleanField({ description: 'Share the Dutch level.' }) dutchLevel!: boolean;
}

export class CreateReferralDto {
  @UuidField({ description: 'The partner organisation (from the catalogue).' }) partnerId!: string;
  @UuidField({ description: 'One of its offers.', optional: true }) offerId?: string;
  @ApiProperty({ type: ShareChoiceDto, description: 'What the partner may see, within the consent.' })
  @IsObject()
  @ValidateNested()
  @Type(() => ShareChoiceDto)
  share!: ShareChoiceDto;
  @DateField({ description: 'Preferred start.', optional: true }) preferredStart?: string;
  @TextField({ description: 'Note for the record.', maxLength: 2000, optional: true }) note?: string;
}

export class PacketLearnerDto {
  @ApiProperty({ example: 'Samira' }) firstName!: string;
  @ApiProperty({ example: 'El Amrani' }) lastName!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'samira@voorbeeld.be' }) email!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '+32 470 12 34 56' }) phone!: string | null;
}

export class PacketRefDto {
  @ApiProperty({ example: '9b2d3f1a-6c4e-4b8a-8f0d-2e7c5a1b9d33' }) id!: string;
  @ApiProperty({ example: 'CVO Brugge' }) name!: string;
}

export class PacketRegionDto {
  @ApiProperty({ example: 'west-vlaanderen' }) slug!: string;
  @ApiProperty({ example: 'Leerwinkel West-Vlaanderen' }) name!: string;
}

export class PacketCounsellorDto {
  @ApiProperty({ example: 'An Peeters' }) name!: string;
  @ApiProperty({ example: 'an.peeters@leerwinkel.example' }) email!: string;
}

/** The minimal packet a partner receives. */
export class ReferralPacketDto {
  @ApiProperty({ type: PacketRegionDto }) region!: PacketRegionDto;
  @ApiProperty({ type: PacketRefDto, description: 'The partner organisation the referral is addressed to.' }) partner!: PacketRefDto;
  @ApiProperty({ type: PacketRefDto, nullable: true }) offer!: PacketRefDto | null;
  @ApiProperty({ type: PacketLearnerDto, nullable: true, description: 'Only when contact data was shared.' }) learner!: PacketLearnerDto | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Ik wil beter Nederlands leren om daarna een opleiding zorgkundige te volgen.' }) learningQuestion!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'isced_2' }) educationLevel!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'A2' }) dutchLevel!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2027-02-01' }) preferredStart!: string | null;
  @ApiProperty({ type: PacketCounsellorDto }) counsellor!: PacketCounsellorDto;
  @ApiPropertyOptional({ description: 'true: the learner withdrew the consent to share; the personal data was removed from the packet.', example: true })
  consentWithdrawn?: boolean;
  @ApiPropertyOptional({ description: "true: the learner's data was anonymised after the retention period; the packet holds no personal data.", example: false })
  anonymised?: boolean;
}

export class ReferralEventDto {
  @ApiProperty({ example: '1842' }) id!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'accepted' }) from!: string | null;
  @ApiProperty({ example: 'scheduled' }) to!: string;
  @ApiProperty({ type: 'string', nullable: true, example: null }) reason!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Intake op 25 januari; start in de avondgroep op maandag.' }) note!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2027-02-01' }) startDate!: string | null;
  @ApiProperty({ enum: ['region', 'partner', 'system'] }) actorKind!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T10:15:00.000Z' }) at!: string;
}

class ReferralBaseDto {
  @ApiProperty({ format: 'uuid', example: '3f6c1c9e-2b7a-4d0e-9a51-6b1f0e2d8c44' }) id!: string;
  @ApiProperty({ enum: CODE_LISTS.referralStatuses.map((s) => s.code), example: 'received' }) status!: string;
  @ApiProperty({ type: [String], description: 'Statuses you may set next.', example: ['accepted', 'waitlisted', 'declined'] }) allowedTransitions!: string[];
  @ApiProperty({ type: ReferralPacketDto }) packet!: ReferralPacketDto;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2027-02-01' }) startDate!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: null }) declineReason!: string | null;
  @ApiProperty({ type: 'string', nullable: true, enum: ['provider', 'learner'] }) declinedBy!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-29T09:30:00.000Z' }) sentAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The partner should answer by then; later it expires.', example: '2026-12-13T09:30:00.000Z' }) respondBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-30T14:02:11.000Z' }) updatedAt!: string;
  @ApiProperty({ example: 2 }) version!: number;
}

export class ReferralDto extends ReferralBaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) offerId!: string | null;
  @ApiProperty({ description: 'Unanswered after the answer date.' }) overdue!: boolean;
  @ApiProperty({ type: ShareChoiceDto }) shared!: ShareChoiceDto;
  @ApiPropertyOptional({ type: [ReferralEventDto] }) events?: ReferralEventDto[];
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralDto] }) items!: ReferralDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class PartnerReferralDto extends ReferralBaseDto {
  @ApiPropertyOptional({ type: [ReferralEventDto] }) events?: ReferralEventDto[];
}

export class PartnerReferralPageDto {
  @ApiProperty({ type: [PartnerReferralDto] }) items!: PartnerReferralDto[];
  @ApiProperty({ type: 'string', nullable: true, example: 'eyJ0IjoiMjAyNi0xMS0zMFQxNDowMjoxMS40ODI5MTNaIiwiaWQiOiIzZjZjMWM5ZS0yYjdhLTRkMGUtOWE1MS02YjFmMGUyZDhjNDQifQ' })
  nextCursor!: string | null;
}

export class ListReferralsQueryDto extends PageQueryDto {
  @CodeField(CODE_LISTS.referralStatuses, { description: 'Only this status.', optional: true }) status?: string;
  @ApiPropertyOptional({ description: 'Only unanswered referrals past their answer date.', type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class ListPartnerReferralsQueryDto extends PageQueryDto {
  @CodeField(CODE_LISTS.referralStatuses, { description: 'Only this status.', optional: true }) status?: string;
  @DateTimeField({ description: 'Only referrals changed at or after this moment (for polling).', optional: true }) updatedSince?: string;
}

export class ReferralTransitionDto {
  @CodeField(CODE_LISTS.referralStatuses, { description: 'The new status.', example: 'scheduled' }) to!: string;
  @CodeField(CODE_LISTS.declineReasons, { description: 'Required to decline.', optional: true }) reason?: string;
  @TextField({ description: 'Note.', maxLength: 2000, optional: true, example: 'Intake op 25 januari; start in de avondgroep op maandag.' }) note?: string;
  @DateField({ description: 'Start date; required to schedule.', optional: true, example: '2027-02-01' }) startDate?: string;
}

/** What the leerwinkel may set: withdraw the referral, or record that the learner declined (with a reason). */
export class RegionReferralTransitionDto {
  @ApiProperty({ enum: ['withdrawn', 'declined'], description: 'withdrawn, or declined when the learner declined.' })
  @IsIn(['withdrawn', 'declined'])
  to!: 'withdrawn' | 'declined';
  @ApiPropertyOptional({ enum: ['learner_not_interested', 'learner_unreachable', 'learner_practical', 'other'], description: 'Required to decline.' })
  @OptionalInput()
  @IsIn(['learner_not_interested', 'learner_unreachable', 'learner_practical', 'other'])
  reason?: string;
  @TextField({ description: 'Note.', maxLength: 2000, optional: true }) note?: string;
}
