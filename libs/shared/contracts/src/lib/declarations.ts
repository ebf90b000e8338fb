/** Ikuboss declarations (イクボス宣言): templates, campaigns, declarations and the public list. */

export const IKUBOSS_ACTION_MAX_LENGTH = 100;
export const IKUBOSS_MAX_ACTIONS = 2;

/** The organization's pledge list (e.g. イクボス10か条), copied into each new declaration. */
export interface IkubossTemplateDto {
  id: string;
  name: string;
  title: string;
  preamble: string;
  pledges: string[];
  updatedAt: string;
}

export type IkubossTemplateInputDto = Omit<
  IkubossTemplateDto,
  'id' | 'updatedAt'
>;

/** "All 課長級以上 of 市長部局 declare by 2025-06-30". */
export interface IkubossCampaignDto {
  id: string;
  name: string;
  fiscalYear: number;
  /** null: the whole organization. */
  scopeUnitCode: string | null;
  scopeUnitName: string | null;
  stageCodes: string[];
  stageNames: string[];
  templateId: string;
  templateName: string;
  deadline: string;
  /** Required managers (in service on April 1 of the fiscal year) within what the caller may see. */
  required: number;
  /** Of those, the ones holding a signed, unrevoked declaration for the fiscal year. */
  declared: number;
}

export interface IkubossCampaignInputDto {
  name: string;
  fiscalYear: number;
  scopeUnitCode: string | null;
  stageCodes: string[];
  templateId: string;
  deadline: string;
}

export interface IkubossUnitCompletionDto {
  unitCode: string;
  unitName: string;
  required: number;
  declared: number;
  /** declared ÷ required × 100, unrounded; null when nobody is required. */
  percent: number | null;
}

export interface IkubossPendingManagerDto {
  employeeNumber: string;
  name: string;
  unitCode: string;
  unitName: string;
  stageName: string;
  /** A draft, or a declaration waiting for a co-declarer, when there is one. */
  draftDeclarationId: string | null;
}

export interface IkubossCampaignDetailDto extends IkubossCampaignDto {
  /** The unit whose subtree the caller sees: null for HR over the campaign's whole scope. */
  viewRootUnitCode: string | null;
  viewRootUnitName: string | null;
  /** One row per direct child of the viewed root (and the root itself when it has managers). */
  units: IkubossUnitCompletionDto[];
  notDeclared: IkubossPendingManagerDto[];
}

export type IkubossDeclarationKind = 'individual' | 'joint';
export type IkubossDeclarationStatus = 'draft' | 'signed' | 'revoked';

export interface IkubossDeclarerDto {
  employeeNumber: string;
  /** Current name from the roster; the printed name is nameAtSigning once signed. */
  name: string;
  position: number;
  actions: string[];
  signedAt: string | null;
  nameAtSigning: string | null;
  titleAtSigning: string | null;
  unitAtSigning: string | null;
  /** The caller is this declarer (their account is linked to this employee). */
  isCaller: boolean;
}

export interface IkubossDeclarationDto {
  id: string;
  fiscalYear: number;
  kind: IkubossDeclarationKind;
  status: IkubossDeclarationStatus;
  campaignId: string | null;
  previousId: string | null;
  /** The next year's declaration made from this one, if any. */
  renewedById: string | null;
  title: string;
  preamble: string;
  pledges: string[];
  witness: string | null;
  isPublic: boolean;
  declarers: IkubossDeclarerDto[];
  signedAt: string | null;
  signedDate: string | null;
  /** The exact canonical text that was signed, and its SHA-256 (hex). */
  signedText: string | null;
  signedHash: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  createdAt: string;
}

export interface IkubossDeclarationCreateDto {
  fiscalYear: number;
  /** Defaults to the caller alone; HR may name anyone, a manager only a group including themselves. */
  declarerEmployeeNumbers?: string[];
  templateId?: string;
}

/** Before signing: the caller's own personal actions, the witness and the public-list consent. */
export interface IkubossDeclarationUpdateDto {
  actions?: string[];
  witness?: string | null;
  isPublic?: boolean;
}

export interface IkubossSignDto {
  /** The declarer ticked "I have read the text and sign it". */
  confirm: boolean;
}

export interface IkubossRevokeDto {
  reason: string;
}

/** One declared manager on the public list: only what they agreed to publish. */
export interface PublicIkubossDto {
  name: string;
  title: string;
  unit: string;
  fiscalYear: number;
}

export type PublicIkubossListDto = PublicIkubossDto[];
