import { InitialSchema1795303600000 } from './1795303600000-InitialSchema';
import { LeaveWorkloadPay1795310000000 } from './1795310000000-LeaveWorkloadPay';
import { IkubossDeclarations1795400000000 } from './1795400000000-IkubossDeclarations';
import { IkubossProgrammes1795410000000 } from './1795410000000-IkubossProgrammes';
import { Reviews3601795420000000 } from './1795420000000-Reviews360';
import { CommitteeReports1795430000000 } from './1795430000000-CommitteeReports';
import { AuditLog1795440000000 } from './1795440000000-AuditLog';
import { KpiAggregates1795450000000 } from './1795450000000-KpiAggregates';
import { AccountManagement1795460000000 } from './1795460000000-AccountManagement';
import { Review360ScaleLabels1795470000000 } from './1795470000000-Review360ScaleLabels';
import { BirthChildcareFact1795480000000 } from './1795480000000-BirthChildcareFact';
import { ImportJobRunner1795490000000 } from './1795490000000-ImportJobRunner';
import { LeaveEmployeeStageIndexes1795500000000 } from './1795500000000-LeaveEmployeeStageIndexes';
import { KpiChildcareRollup1795510000000 } from './1795510000000-KpiChildcareRollup';
import { KpiFactEmployeeFamilyIndex1795520000000 } from './1795520000000-KpiFactEmployeeFamilyIndex';
import { IkubossKpiInputChanges1795530000000 } from './1795530000000-IkubossKpiInputChanges';
import { LeaveOrganizationForeignKey1795570000000 } from './1795570000000-LeaveOrganizationForeignKey';
import { IkubossKpiInputChangeTotals1795580000000 } from './1795580000000-IkubossKpiInputChangeTotals';
import { KpiChildcareDuration1795590000000 } from './1795590000000-KpiChildcareDuration';
import { OrgUnitParentIndex1795600000000 } from './1795600000000-OrgUnitParentIndex';

/** Listed explicitly: the API is a webpack bundle, so TypeORM cannot glob for migration files. */
export const MIGRATIONS = [
  InitialSchema1795303600000,
  LeaveWorkloadPay1795310000000,
  IkubossDeclarations1795400000000,
  IkubossProgrammes1795410000000,
  Reviews3601795420000000,
  CommitteeReports1795430000000,
  AuditLog1795440000000,
  KpiAggregates1795450000000,
  AccountManagement1795460000000,
  Review360ScaleLabels1795470000000,
  BirthChildcareFact1795480000000,
  ImportJobRunner1795490000000,
  LeaveEmployeeStageIndexes1795500000000,
  KpiChildcareRollup1795510000000,
  KpiFactEmployeeFamilyIndex1795520000000,
  IkubossKpiInputChanges1795530000000,
  LeaveOrganizationForeignKey1795570000000,
  IkubossKpiInputChangeTotals1795580000000,
  KpiChildcareDuration1795590000000,
  OrgUnitParentIndex1795600000000,
];
