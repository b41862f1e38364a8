// Range results with native histograms, made drawable: a chart plots floats,
// so each histogram point becomes its count (what histogram_count() gives),
// merged in time order with the series' float points. Charts of
// histogram_quantile() or histogram_count() results need nothing of this:
// they are floats already.

import { histogramNumbers } from '../model/histogram.js';
import { formatSampleValue, type RangeSeries, type SamplePair } from '../model/result.js';
import { t } from '../util/messages/index.js';

/** Whether any series has histogram points. */
export function hasHistograms(series: RangeSeries[]): boolean {
  return series.some((s) => (s.histograms?.length ?? 0) > 0);
}

/**
 * Every series with its histogram points replaced by their counts; series
 * without histograms are returned as they are. A series of histograms only
 * loses its metric name, as histogram_count() drops it: its unit (seconds,
 * bytes) is the observations', not the counts'.
 */
export function histogramsAsCounts(series: RangeSeries[]): RangeSeries[] {
  return series.map((s) => {
    if (!s.histograms?.length) return s;
    const counts: SamplePair[] = s.histograms.map(([t, h]) => [t, formatSampleValue(histogramNumbers(h).count)]);
    if (s.values.length) return { metric: s.metric, values: [...s.values, ...counts].sort((a, b) => a[0] - b[0]) };
    const { __name__: _, ...labels } = s.metric;
    return { metric: labels, values: counts };
  });
}

/** Said above such a chart, so nobody reads the counts as latencies. */
export function histogramChartNote(): string {
  return t('render.histogram.chartNote');
}
