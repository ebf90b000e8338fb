/** Audit log (security): one entry per write, per read of person-level data, per refusal. */
export type AuditAction = 'read' | 'write' | 'denied' | 'anonymous_submission';

export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  accountId: string | null;
  username: string | null;
  role: string | null;
  action: AuditAction;
  method: string;
  route: string;
  resourceIds: Record<string, string>;
  status: number;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditPageDto {
  entries: AuditEntryDto[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: string | null;
}
