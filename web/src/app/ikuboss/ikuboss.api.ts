import {
  HttpClient,
  type HttpResourceRef,
  httpResource,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossCampaignInputDto,
  IkubossDeclarationDto,
  IkubossDeclarationUpdateDto,
  IkubossTemplateDto,
  IkubossTemplateInputDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

const BASE = `${API_BASE_URL}/ikuboss`;
const id = (value: string) => encodeURIComponent(value);

export interface IkubossStage {
  code: string;
  name: string;
  isManager: boolean;
}

/** Templates, campaigns and declarations. The reads are httpResources (call in an injection context). */
@Injectable({ providedIn: 'root' })
export class IkubossApi {
  private readonly http = inject(HttpClient);

  templates(): HttpResourceRef<IkubossTemplateDto[]> {
    return httpResource<IkubossTemplateDto[]>(() => `${BASE}/templates`, {
      defaultValue: [],
    });
  }

  stages(): HttpResourceRef<IkubossStage[]> {
    return httpResource<IkubossStage[]>(() => `${BASE}/stages`, {
      defaultValue: [],
    });
  }

  campaigns(): HttpResourceRef<IkubossCampaignDto[]> {
    return httpResource<IkubossCampaignDto[]>(() => `${BASE}/campaigns`, {
      defaultValue: [],
    });
  }

  campaign(
    query: () => { id: string; unit: string | null } | undefined,
  ): HttpResourceRef<IkubossCampaignDetailDto | undefined> {
    return httpResource<IkubossCampaignDetailDto>(() => {
      const current = query();
      return (
        current && {
          url: `${BASE}/campaigns/${id(current.id)}`,
          params: current.unit
            ? { unit: current.unit }
            : ({} as Record<string, string>),
        }
      );
    });
  }

  mine(): HttpResourceRef<IkubossDeclarationDto[]> {
    return httpResource<IkubossDeclarationDto[]>(
      () => `${BASE}/declarations/mine`,
      { defaultValue: [] },
    );
  }

  declaration(
    declarationId: () => string | undefined,
  ): HttpResourceRef<IkubossDeclarationDto | undefined> {
    return httpResource<IkubossDeclarationDto>(() => {
      const current = declarationId();
      return current && `${BASE}/declarations/${id(current)}`;
    });
  }

  createTemplate(
    input: IkubossTemplateInputDto,
  ): Observable<IkubossTemplateDto> {
    return this.http.post<IkubossTemplateDto>(`${BASE}/templates`, input);
  }

  updateTemplate(
    templateId: string,
    input: IkubossTemplateInputDto,
  ): Observable<IkubossTemplateDto> {
    return this.http.put<IkubossTemplateDto>(
      `${BASE}/templates/${id(templateId)}`,
      input,
    );
  }

  createCampaign(
    input: IkubossCampaignInputDto,
  ): Observable<IkubossCampaignDto> {
    return this.http.post<IkubossCampaignDto>(`${BASE}/campaigns`, input);
  }

  /** HR: a draft for one manager, or a joint declaration for several (in this order). */
  startDeclarationFor(
    fiscalYear: number,
    declarerEmployeeNumbers: string[],
  ): Observable<IkubossDeclarationDto> {
    return this.http.post<IkubossDeclarationDto>(`${BASE}/declarations`, {
      fiscalYear,
      declarerEmployeeNumbers,
    });
  }

  updateCampaign(
    campaignId: string,
    input: IkubossCampaignInputDto,
  ): Observable<IkubossCampaignDto> {
    return this.http.put<IkubossCampaignDto>(
      `${BASE}/campaigns/${id(campaignId)}`,
      input,
    );
  }

  deleteCampaign(campaignId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/campaigns/${id(campaignId)}`);
  }

  createDeclaration(fiscalYear: number): Observable<IkubossDeclarationDto> {
    return this.http.post<IkubossDeclarationDto>(`${BASE}/declarations`, {
      fiscalYear,
    });
  }

  updateDeclaration(
    declarationId: string,
    input: IkubossDeclarationUpdateDto,
  ): Observable<IkubossDeclarationDto> {
    return this.http.put<IkubossDeclarationDto>(
      `${BASE}/declarations/${id(declarationId)}`,
      input,
    );
  }

  sign(declarationId: string): Observable<IkubossDeclarationDto> {
    return this.http.post<IkubossDeclarationDto>(
      `${BASE}/declarations/${id(declarationId)}/sign`,
      { confirm: true },
    );
  }

  revoke(
    declarationId: string,
    reason: string,
  ): Observable<IkubossDeclarationDto> {
    return this.http.post<IkubossDeclarationDto>(
      `${BASE}/declarations/${id(declarationId)}/revoke`,
      { reason },
    );
  }

  renew(declarationId: string): Observable<IkubossDeclarationDto> {
    return this.http.post<IkubossDeclarationDto>(
      `${BASE}/declarations/${id(declarationId)}/renew`,
      {},
    );
  }

  deleteDeclaration(declarationId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/declarations/${id(declarationId)}`);
  }
}
