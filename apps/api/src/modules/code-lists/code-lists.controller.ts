import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { SignedIn } from '../../common/auth/access.decorators.js';
import { CodeListsDto } from './code-lists.dto.js';

@Controller('v1/code-lists')
@ApiTags('reference data')
export class CodeListsController {
  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Every code list with Dutch and English labels (the same lists the API validates against)' })
  @ApiOkResponse({ type: CodeListsDto })
  getCodeLists(): CodeListsDto {
    return CODE_LISTS as unknown as CodeListsDto;
  }
}
