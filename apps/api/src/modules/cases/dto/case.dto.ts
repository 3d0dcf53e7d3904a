import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { BooleanField, CodeField, DateField, DateTimeField, IntField, TextField, UuidField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

export class CreateCaseDto {
  @UuidField({ description: 'The learner (of this region).' }) learnerId!: string;
  @CodeField(CODE_LISTS.caseKinds, { description: 'info (infobemiddeling) or guidance (begeleiding).' }) kind!: string;
  @UuidField({ description: 'Assigned counsellor (a member of the region); default: you.', optional: true }) counsellorId?: string;
  @UuidField({ description: 'Member organisation guiding the case.', optional: true }) organisationId?: string;
  @TextField({ description: 'The learning question (leervraag).', maxLength: 4000, optional: true }) learningQuestion?: string;
  @CodeField(CODE_LISTS.themes, { description: 'Coded themes of the question.', array: true, optional: true }) themes?: string[];
  @CodeField(CODE_LISTS.barriers, { description: 'Barriers (drempels). `health` is stored apart, encrypted (see healthBarrier).', array: true, optional: true }) barriers?: string[];
  @BooleanField({ description: 'Health is a barrier (special category of data): encrypted at rest, shown only through GET …/sensitive.', optional: true })
  healthBarrier?: boolean;
  @TextField({ description: 'Goal agreed at intake.', maxLength: 4000, optional: true }) goal?: string;
}

export class UpdateCaseDto {
  @UuidField({ description: 'Assigned counsellor.', optional: true }) counsellorId?: string;
  @UuidField({ description: 'Member organisation; null clears it.', nullable: true }) organisationId?: string | null;
  @TextField({ description: 'The learning question.', maxLength: 4000, nullable: true }) learningQuestion?: string | null;
  @CodeField(CODE_LISTS.themes, { description: 'Themes.', array: true, optional: true }) themes?: string[];
  @CodeField(CODE_LISTS.barriers, { description: 'Barriers (without health, which keeps its own value).', array: true, optional: true }) barriers?: string[];
  @BooleanField({ description: 'Health is a barrier (true) or no longer (false); absent leaves it as it is.', optional: true }) healthBarrier?: boolean;
  @TextField({ description: 'Goal at intake.', maxLength: 4000, nullable: true }) goal?: string | null;
  @IntField({ description: 'The version this change is based on (or send If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}

export class TransitionDto {
  @CodeField(CODE_LISTS.caseStatuses, { description: 'The new status.' }) to!: string;
  @TextField({ description: 'Note; the reason when reopening (required then).', maxLength: 2000, optional: true }) note?: string;
  @CodeField(CODE_LISTS.exitReasons, { description: 'Required when closing.', optional: true }) exitReason?: string;
  @CodeField(CODE_LISTS.objectivesMet, { description: 'Required when closing.', optional: true }) objectivesMet?: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) learnerId!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty({ enum: ['info', 'guidance'] }) kind!: string;
  @ApiProperty({ enum: ['registered', 'intake', 'guidance', 'follow_up', 'closed'] }) status!: string;
  @ApiProperty({ type: [String], description: 'Statuses this case may go to next.' }) allowedTransitions!: string[];
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ type: 'string', nullable: true }) counsellorName!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) learningQuestion!: string | null;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ type: [String] }) barriers!: string[];
  @ApiProperty({ type: 'string', nullable: true }) goal!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) exitReason!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) objectivesMet!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Earliest due date of an open action item or follow-up.' }) nextDueDate!: string | null;
  @ApiProperty({ description: 'An open action item or follow-up is past its due date.' }) overdue!: boolean;
  @ApiProperty() contactCount!: number;
  @ApiProperty() version!: number;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ListCasesQueryDto extends PageQueryDto {
  @CodeField(CODE_LISTS.caseStatuses, { description: 'Only cases in this status.', optional: true }) status?: string;
  @CodeField(CODE_LISTS.caseKinds, { description: 'Only this kind.', optional: true }) kind?: string;
  @UuidField({ description: 'Only cases of this counsellor.', optional: true }) counsellorId?: string;
  @UuidField({ description: 'Only cases of this learner.', optional: true }) learnerId?: string;
  @UuidField({ description: 'Only cases guided by this member organisation.', optional: true }) organisationId?: string;
  @ApiPropertyOptional({ description: 'Only my cases (the caseload).', type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}

export class CaseTransitionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'string', nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty({ type: 'string', nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) byUserId!: string;
  @ApiProperty({ type: 'string', nullable: true }) byUserName!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CaseTransitionPageDto {
  @ApiProperty({ type: [CaseTransitionDto] }) items!: CaseTransitionDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class CreateContactDto {
  @DateTimeField({ description: 'When the conversation took place.', notInFuture: true }) occurredAt!: string;
  @IntField({ description: 'Duration in minutes.', min: 1, max: 600, example: 60 }) durationMinutes!: number;
  @CodeField(CODE_LISTS.contactChannels, { description: 'Channel.' }) channel!: string;
  @CodeField(CODE_LISTS.contactKinds, { description: 'Kind of conversation.' }) kind!: string;
  @TextField({ description: 'Notes.', maxLength: 10_000, optional: true }) notes?: string;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() channel!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: 'string', nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ type: 'string', nullable: true }) counsellorName!: string | null;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] }) items!: ContactDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class CreateActionItemDto {
  @TextField({ description: 'The task.', maxLength: 500, minLength: 1 }) task!: string;
  @CodeField(CODE_LISTS.actionOwners, { description: 'Who does it.' }) owner!: string;
  @DateField({ description: 'Due date.', optional: true }) dueDate?: string;
}

export class UpdateActionItemDto {
  @TextField({ description: 'The task.', maxLength: 500, minLength: 1, optional: true }) task?: string;
  @CodeField(CODE_LISTS.actionOwners, { description: 'Who does it.', optional: true }) owner?: string;
  @DateField({ description: 'Due date; null clears it.', nullable: true }) dueDate?: string | null;
  @BooleanField({ description: 'Done (true) or open again (false).', optional: true }) done?: boolean;
  @BooleanField({ description: 'Follow-up: still in education or training?', nullable: true }) inEducation?: boolean | null;
  @BooleanField({ description: 'Follow-up: certificate obtained?', nullable: true }) certificateObtained?: boolean | null;
  @BooleanField({ description: 'Follow-up: at work?', nullable: true }) employed?: boolean | null;
  @TextField({ description: 'Follow-up outcome note.', maxLength: 2000, nullable: true }) outcomeNote?: string | null;
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}

export class ActionItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() task!: string;
  @ApiProperty() owner!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '3, 6 or 12 for the follow-ups after closing.' }) followUpMonths!: number | null;
  @ApiProperty({ type: 'boolean', nullable: true }) inEducation!: boolean | null;
  @ApiProperty({ type: 'boolean', nullable: true }) certificateObtained!: boolean | null;
  @ApiProperty({ type: 'boolean', nullable: true }) employed!: boolean | null;
  @ApiProperty({ type: 'string', nullable: true }) outcomeNote!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() version!: number;
}

export class ActionItemPageDto {
  @ApiProperty({ type: [ActionItemDto] }) items!: ActionItemDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class CreateOfferGapDto {
  @CodeField(CODE_LISTS.themes, { description: 'The theme for which no suitable offer was found.', example: 'vocational_training' }) theme!: string;
  @TextField({ description: 'What was missing (level, place, time, cost …); no personal data.', maxLength: 1000, optional: true, example: 'Geen avondopleiding lasser binnen 30 km.' })
  description?: string;
}

export class OfferGapDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'vocational_training' }) theme!: string;
  @ApiProperty({ type: 'string', nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid' }) signalledBy!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'An Peeters' }) signalledByName!: string | null;
  @ApiProperty({ format: 'date-time' }) signalledAt!: string;
}

export class OfferGapListDto {
  @ApiProperty({ type: [OfferGapDto] }) items!: OfferGapDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.' }) nextCursor!: string | null;
}

export class CaseSensitiveDto {
  @ApiProperty({ description: 'Health is a barrier for this learner (special category; this read is audited).', example: false }) healthBarrier!: boolean;
}
