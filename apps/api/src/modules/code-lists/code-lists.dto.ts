import { ApiProperty } from '@nestjs/swagger';

export class CodeListEntryDto {
  @ApiProperty({ description: 'Stable code (what the API takes and answers).' }) code!: string;
  @ApiProperty({ description: 'Dutch label.' }) nl!: string;
  @ApiProperty({ description: 'English label.' }) en!: string;
}

export class CodeListsDto {
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
}
