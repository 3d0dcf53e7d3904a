import { ApiProperty } from '@nestjs/swagger';
import type { CODE_LISTS } from '@leerwinkel/contracts';

export class CodeListEntryDto {
  @ApiProperty({ description: 'Stable code (what the API takes and answers).' }) code!: string;
  @ApiProperty({ description: 'Dutch label.' }) nl!: string;
  @ApiProperty({ description: 'English label.' }) en!: string;
}

/** Every list of CODE_LISTS (the compiler refuses a list the document would miss). */
export class CodeListsDto implements Record<keyof typeof CODE_LISTS, CodeListEntryDto[]> {
  @ApiProperty({ type: [CodeListEntryDto] }) dataQuality!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) genders!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) dutchLevels!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) educationLevels!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) employmentStatuses!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) targetGroups!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) referralSources!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) caseKinds!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) caseStatuses!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) themes!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) barriers!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) exitReasons!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) objectivesMet!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) contactChannels!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) contactKinds!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) consentPurposes!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) actionOwners!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) partnerTypes!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) offerStatuses!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) referralStatuses!: CodeListEntryDto[];
  @ApiProperty({ type: [CodeListEntryDto] }) declineReasons!: CodeListEntryDto[];
}
