import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

export class RegionSummaryDto {
  @ApiProperty({ description: 'Region slug, used in every region-scoped path.', example: 'west-vlaanderen' })
  slug!: string;

  @ApiProperty({ description: 'Display name.', example: 'Leerwinkel West-Vlaanderen' })
  displayName!: string;
}

export class RegionPageDto {
  @ApiProperty({ type: [RegionSummaryDto] })
  items!: RegionSummaryDto[];

  @ApiProperty({ description: 'Opaque cursor of the next page; null on the last page.', type: 'string', nullable: true })
  nextCursor!: string | null;
}

export class ListRegionsQueryDto extends PageQueryDto {}
