// What tables and charts say beside the numbers (src/render/): why a result
// is empty, what a cut table or chart left out, a chart's caption and legend
// headers, histogram summaries, --when's intervals, --stats. Commands and
// flags inside them (`--limit 0`, `.metrics`) come in as parameters, so the
// CLI and the REPL share one sentence. Korean is 해요체 like the rest of the
// catalog; notes that sit in a table cell stay short (명사형).

export const RENDER_MESSAGES = {
  // Empty results (src/render/empty.ts)
  'render.empty.noSeries': { en: 'empty result: no series', ko: '빈 결과: 시계열이 없어요' },
  'render.empty.noMatch': { en: 'no series matched `%{metric}`%{dym}', ko: '`%{metric}`에 맞는 시계열이 없어요%{dym}' },
  'render.empty.didYouMean': { en: '; did you mean %{names}?', ko: '. 혹시 %{names}인가요?' },
  'render.empty.listMetrics': {
    en: 'hint: %{command} lists the metric names that exist',
    ko: '힌트: 있는 메트릭 이름은 %{command} 명령으로 볼 수 있어요',
  },
  'render.empty.returnedNothing': {
    en: 'empty result: the query returned no series',
    ko: '빈 결과: 쿼리가 돌려준 시계열이 없어요',
  },
  'render.empty.checkMatchers': {
    en: 'hint: check the label matchers; %{command} shows which label values exist',
    ko: '힌트: 레이블 매처를 확인하세요. 어떤 레이블 값이 있는지는 %{command} 명령으로 볼 수 있어요',
  },
  'render.empty.comparison': {
    en: 'hint: a comparison filters out the series for which it is false (add `bool` to keep them as 0/1)',
    ko: '힌트: 비교 연산은 결과가 거짓인 시계열을 걸러내요(0/1 값으로 남기려면 `bool`을 붙이세요)',
  },
  'render.empty.binary': {
    en: 'hint: the two sides of a binary operation may have no matching label sets',
    ko: '힌트: 이항 연산의 양쪽에 서로 맞는 레이블 세트가 없을 수 있어요',
  },
  'render.empty.offset': {
    en: 'hint: the offset or @ time may fall outside the data',
    ko: '힌트: offset이나 @로 지정한 시각이 데이터 범위 밖일 수 있어요',
  },
  'render.advice.replSeries': {
    en: "`.labels` (or `promlearn series '%{selector}'`)",
    ko: "`.labels`(또는 `promlearn series '%{selector}'`)",
  },
  // Cut tables and charts (src/render/render-context.ts, chart.ts, samples.ts)
  'render.what.series': { en: 'series', ko: '시계열' },
  'render.what.histograms': { en: 'histograms', ko: '히스토그램' },
  'render.limit': {
    en: '… %{more} more %{what} (showing %{shown} of %{total}); use %{showAll} to see all, or %{csv}',
    ko: '… %{what} %{more}개가 더 있어요(%{total}개 중 %{shown}개 표시). 전부 보려면 %{showAll} 또는 %{csv}',
  },
  'render.chart.leftOut': {
    en: '… %{more} more series (showing the top %{shown} of %{total} by last value); use %{showAll} to plot all',
    ko: '… 시계열 %{more}개가 더 있어요(마지막 값 기준으로 %{total}개 중 상위 %{shown}개 표시). 전부 그리려면 %{showAll}',
  },
  'render.samples.more': {
    en: '⋮ %{n} more samples (use %{showAll} to see all)',
    ko: '⋮ 샘플 %{n}개가 더 있어요(전부 보려면 %{showAll})',
  },
  // Charts (src/render/chart.ts, chart-legend.ts)
  'render.chart.noPoints': { en: 'no data points in this time range', ko: '이 시간 범위에는 데이터 포인트가 없어요' },
  'render.chart.caption': {
    en: '%{start} → %{end} %{zone}, step %{step}%{perColumn}',
    ko: '%{start} → %{end} %{zone}, 간격 %{step}%{perColumn}',
  },
  'render.chart.perColumn': { en: ', %{n} steps per column', ko: ', 열당 %{n}스텝' },
  'render.chart.ended': { en: 'ended %{time}', ko: '%{time}에 끝남' },
  'render.legend.min': { en: 'min', ko: '최소' },
  'render.legend.max': { en: 'max', ko: '최대' },
  'render.legend.mean': { en: 'mean', ko: '평균' },
  'render.legend.last': { en: 'last', ko: '마지막' },
  // Native histograms (src/render/histogram*.ts)
  'render.histogram.noObservations': { en: 'no observations', ko: '관측값 없음' },
  'render.histogram.bucketsOne': { en: '%{n} bucket, %{from} to %{to}', ko: '버킷 %{n}개, %{from}~%{to}' },
  'render.histogram.bucketsMany': { en: '%{n} buckets, %{from} to %{to}', ko: '버킷 %{n}개, %{from}~%{to}' },
  'render.histogram.emptyBuckets': {
    en: 'no observations: every bucket is empty',
    ko: '관측값이 없어요: 모든 버킷이 비어 있어요',
  },
  'render.histogram.merged': {
    en: '%{n} buckets shown %{per} to a row to fit; use %{showAll} to see each',
    ko: '버킷 %{n}개를 화면에 맞추려고 한 행에 %{per}개씩 묶었어요. 하나씩 보려면 %{showAll}',
  },
  'render.histogram.noneToDraw': {
    en: 'no native histograms in this result to draw (a classic histogram is a set of _bucket series)',
    ko: '이 결과에는 그릴 네이티브 히스토그램이 없어요(클래식 히스토그램은 _bucket 시계열의 묶음이에요)',
  },
  'render.histogram.chartNote': {
    en: 'native histograms are drawn as their observation counts (histogram_count); for a latency, chart histogram_quantile(0.9, sum(rate(<histogram>[5m])))',
    ko: '네이티브 히스토그램은 관측 횟수(histogram_count)로 그려요. 지연 시간을 보려면 histogram_quantile(0.9, sum(rate(<histogram>[5m])))를 차트로 그리세요',
  },
  // Warnings, infos and --stats (src/render/index.ts); the annotation's text is Prometheus's own.
  'render.warning': { en: 'warning: %{text}', ko: '경고: %{text}' },
  'render.info': { en: 'info: %{text}', ko: '정보: %{text}' },
  'render.stats': {
    en: 'stats: evaluated in %{ms} ms, %{read} samples read, peak %{peak} samples in memory',
    ko: '통계: 평가 %{ms} ms, 읽은 샘플 %{read}개, 메모리에 동시에 있던 샘플 최대 %{peak}개',
  },
  'render.noStats': { en: 'stats: the backend returned no statistics', ko: '통계: 백엔드가 통계를 돌려주지 않았어요' },
  // range --when (src/render/when.ts)
  'render.when.period': {
    en: '%{from} and %{to} %{zone} (step %{step})',
    ko: '%{from}부터 %{to} %{zone}까지(간격 %{step})',
  },
  'render.when.noData': { en: '`%{expr}` returned no data between %{period}', ko: '`%{expr}`의 결과가 없어요: %{period}' },
  'render.when.noDataAny': {
    en: 'none of the expressions returned data between %{period}',
    ko: '어느 식에도 결과가 없어요: %{period}',
  },
  'render.when.summaryOne': {
    en: '%{count} interval in %{series} series between %{period}',
    ko: '구간 %{count}개(시계열 %{series}개), %{period}',
  },
  'render.when.summaryMany': {
    en: '%{count} intervals in %{series} series between %{period}',
    ko: '구간 %{count}개(시계열 %{series}개), %{period}',
  },
  'render.when.wholeRange': { en: 'the whole range', ko: '범위 전체' },
  'render.when.fromStart': { en: 'from the range start', ko: '범위 시작부터' },
  'render.when.stillAtEnd': { en: 'still at the end', ko: '끝까지 계속' },
} as const;
