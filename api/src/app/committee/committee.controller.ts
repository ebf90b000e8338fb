import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type CommitteeReviewDto,
  type CommitteeReviewSummaryDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { CommitteeService } from './committee.service';

class ReviewBody {
  @Type(() => Number) @IsInt() @Min(1989) @Max(2100) fiscalYear!: number;
}

class CommentBody {
  @IsString()
  @Matches(/^(general|kpi:[a-z0-9_]+|target:[0-9a-f-]{36})$/)
  itemKey!: string;

  @IsString() @MinLength(1) @MaxLength(2000) body!: string;
}

class PublishedItemsBody {
  @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) codes!: string[];
}

@ApiTags('committee')
@Controller('committee/reviews')
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @Get()
  @RequirePermission(PERMISSIONS.readCommitteeReview)
  @ApiOperation({ summary: 'Every version of every committee review' })
  list(@CurrentAuth() auth: AuthContext): Promise<CommitteeReviewSummaryDto[]> {
    return this.committee.list(auth.organizationId);
  }

  @Post()
  @RequirePermission(PERMISSIONS.prepareCommitteeReview)
  @ApiOperation({
    summary: 'HR prepares the review of a fiscal year (freezes the figures)',
  })
  prepare(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ReviewBody,
  ): Promise<CommitteeReviewDto> {
    return this.committee.prepare(auth, body.fiscalYear);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.readCommitteeReview)
  @ApiOperation({
    summary:
      'One version: snapshot, comments, publication check, differences with current data',
  })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<CommitteeReviewDto> {
    return this.committee.get(auth, id);
  }

  @Post(':id/comments')
  @RequirePermission(PERMISSIONS.commentCommitteeReview)
  @ApiOperation({ summary: 'Comment on an item of a draft review' })
  comment(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CommentBody,
  ): Promise<CommitteeReviewDto> {
    return this.committee.comment(auth, id, body.itemKey, body.body);
  }

  @Put(':id/published-items')
  @RequirePermission(PERMISSIONS.prepareCommitteeReview)
  @ApiOperation({ summary: 'Choose the KPIs to publish (draft only)' })
  publishedItems(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: PublishedItemsBody,
  ): Promise<CommitteeReviewDto> {
    return this.committee.setPublishedItems(auth, id, body.codes);
  }

  @Post(':id/sign')
  @RequirePermission(PERMISSIONS.signCommitteeReview)
  @ApiOperation({
    summary: 'The committee chair signs off (freezes the version)',
  })
  sign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<CommitteeReviewDto> {
    return this.committee.sign(auth, id);
  }

  @Post(':id/publish')
  @RequirePermission(PERMISSIONS.publishCommitteeReview)
  @ApiOperation({
    summary: 'HR publishes a signed review after the publication check',
  })
  publish(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<CommitteeReviewDto> {
    return this.committee.publish(auth, id);
  }

  @Post(':id/reopen')
  @RequirePermission(PERMISSIONS.prepareCommitteeReview)
  @ApiOperation({
    summary: 'Reopen a signed review: a new version with current figures',
  })
  reopen(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<CommitteeReviewDto> {
    return this.committee.reopen(auth, id);
  }
}
