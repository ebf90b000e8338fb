import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebUiCharts } from './web-ui-charts';

describe('WebUiCharts', () => {
  let component: WebUiCharts;
  let fixture: ComponentFixture<WebUiCharts>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebUiCharts],
    }).compileComponents();

    fixture = TestBed.createComponent(WebUiCharts);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
