import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { ListRegionsQueryDto, RegionPageDto } from './dto/region-summary.dto.js';
import { RegionsService } from './regions.service.js';

@Controller('v1/regions')
@ApiTags('regions')
export class RegionsController {
  constructor(private readonly service: RegionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Active regions (leerwinkels)', description: 'Public reference data: slug and display name, by slug.' })
  @ApiOkResponse({ type: RegionPageDto })
  @ApiProblemResponses(400)
  listRegions(@Query() query: ListRegionsQueryDto): Promise<RegionPageDto> {
    return this.service.list(query);
  }
}
