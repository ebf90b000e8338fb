import { SetMetadata } from '@nestjs/common';

export const AUDIT_READ = 'ikuboard:audit-read';

/** Marks a GET route as a read of person-level data, so every call is audited. */
export const AuditRead = () => SetMetadata(AUDIT_READ, true);
