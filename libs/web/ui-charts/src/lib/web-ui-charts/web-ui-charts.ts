import { Component } from '@angular/core';

@Component({
  selector: 'ik-web-ui-charts',
  imports: [],
  templateUrl: './web-ui-charts.html',
  styleUrl: './web-ui-charts.css',
})
export class WebUiCharts {}
