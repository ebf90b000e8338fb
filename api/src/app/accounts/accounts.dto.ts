import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type AccountCreateDto,
  type AccountLinkDto,
  type AccountPasswordDto,
  type AccountUpdateDto,
  type Role,
} from '@ikuboard/shared/contracts';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

/** Lower-case letters, digits and . _ - ; 3–50 characters, starting with a letter or digit. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export class AccountCreateBody implements AccountCreateDto {
  @ApiProperty({
    example: 'tanaka.k',
    description: 'Stored in lower case: letters, digits, . _ - (3–50)',
  })
  @IsString()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: '田中 一郎' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'Initial password (the create-admin policy)' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ nullable: true, description: '職員番号 to link' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  employeeNumber?: string | null;
}

export class AccountUpdateBody implements AccountUpdateDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'Committee chair (signs committee reviews)' })
  @IsBoolean()
  isCommitteeChair!: boolean;
}

export class AccountPasswordBody implements AccountPasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class AccountLinkBody implements AccountLinkDto {
  @ApiProperty({ description: '職員番号' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  employeeNumber!: string;
}

export class LinkableEmployeeQuery {
  @ApiPropertyOptional({ description: '職員番号 (prefix) or part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}
