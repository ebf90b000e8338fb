import type { Role } from './permissions';

/** Account management (admin; HR for manager, staff and committee accounts). */
export interface AccountEmployeeDto {
  employeeNumber: string;
  name: string;
  /** The unit of the latest assignment started by today, if any. */
  unitName: string | null;
}

export interface AccountDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  isCommitteeChair: boolean;
  isDemo: boolean;
  employee: AccountEmployeeDto | null;
  failedLogins: number;
  /** ISO timestamp while the account is locked after failed logins, else null. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** Whether the caller may change this account (HR may not touch admin or HR accounts). */
  manageable: boolean;
}

export interface AccountCreateDto {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  /** 職員番号 of the employee to link, if any. */
  employeeNumber?: string | null;
}

export interface AccountUpdateDto {
  displayName: string;
  role: Role;
  isCommitteeChair: boolean;
}

export interface AccountPasswordDto {
  password: string;
}

export interface AccountLinkDto {
  employeeNumber: string;
}

/** An employee offered by the link picker, with the account already linked to it, if any. */
export interface LinkableEmployeeDto extends AccountEmployeeDto {
  inService: boolean;
  linkedUsername: string | null;
}

/** Roles HR may create and manage; admin and HR accounts need `account:manage`. */
export const NON_ADMIN_ROLES: readonly Role[] = [
  'manager',
  'staff',
  'committee',
];
