import { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import { defineElement } from './define-element.js';

defineElement('parca-metrics', ParcaMetricsElement);
