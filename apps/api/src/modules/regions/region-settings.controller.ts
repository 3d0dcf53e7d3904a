import { Body, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RegionRoles } from '../../common/auth/access.decorators.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import { RegionSettingsDto, UpdateRegionSettingsDto } from './dto/region-settings.dto.js';
import { RegionSettingsService } from './region-settings.service.js';

@RegionController('settings', 'regions')
export class RegionSettingsController {
  constructor(private readonly service: RegionSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The region's settings" })
  @ApiOkResponse({ type: RegionSettingsDto })
  getRegionSettings(@Param('region') region: string): Promise<RegionSettingsDto> {
    return this.service.get(region);
  }

  @Patch()
  @RegionRoles('coordinator')
  @ApiOperation({ summary: "Change the region's settings (coordinators)", description: 'Only the fields present change; null clears a contact field.' })
  @ApiOkResponse({ type: RegionSettingsDto })
  updateRegionSettings(@Param('region') region: string, @Body() changes: UpdateRegionSettingsDto): Promise<RegionSettingsDto> {
    return this.service.update(region, changes);
  }
}
