import type { Queryable } from '../../database/queryable';

/** The demo city's committee account chairs the committee, so it can sign the review off. */
export async function seedCommitteeDemo(
  manager: Queryable,
  organizationId: string,
): Promise<void> {
  await manager.query(
    `UPDATE account SET is_committee_chair = true, display_name = '推進委員会 委員長'
      WHERE organization_id = $1 AND username = 'committee' AND role = 'committee'`,
    [organizationId],
  );
}
