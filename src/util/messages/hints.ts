// The engine's own hints (limits, timeouts, nesting) and what Prometheus's
// annotations mean (src/promql/annotation-hints.ts). An annotation's text is
// Prometheus's and stays English, as its errors do; these sentences say what it
// means for the learner's query, beside it.

export const HINT_MESSAGES = {
  // The engine's hints under its errors (src/engine/state.ts, index.ts) and the parser's nesting limit
  'engine.tooManySamplesAt': {
    en: '%{part} needs more than %{max} samples in memory at once',
    ko: '%{part} 부분이 한 번에 샘플을 %{max}개 넘게 메모리에 올려야 해요',
  },
  'engine.tooManySamples': {
    en: 'the query needs more than %{max} samples in memory at once',
    ko: '쿼리가 한 번에 샘플을 %{max}개 넘게 메모리에 올려야 해요',
  },
  'engine.tooManySamplesHint': {
    en: '%{where} (the limit; --max-samples raises it). Narrow the selector, shorten the range or use a larger step',
    ko: '%{where}(이게 한도이고, --max-samples로 늘릴 수 있어요). 셀렉터를 좁히거나, 범위를 줄이거나, 스텝을 키우세요',
  },
  'engine.timeoutHint': {
    en: 'use a shorter range, a larger step or --timeout',
    ko: '범위를 줄이거나, 스텝을 키우거나, --timeout을 늘리세요',
  },
  'engine.tooDeep': {
    en: "expression nested too deeply for this thread's stack (promlearn's query worker takes up to %{max} levels)",
    ko: '식이 너무 깊게 중첩돼서 이 스레드의 스택이 모자라요(promlearn의 쿼리 워커는 %{max}단계까지 처리해요)',
  },
  'engine.tooDeepHint': {
    en: 'run the query through promlearn query/repl (the query worker), or nest it less deeply',
    ko: 'promlearn query나 repl로 실행하거나(쿼리 워커에서 돌아요), 중첩을 줄이세요',
  },
  'engine.splitDeep': {
    en: 'split the query, or sum over a selector instead of writing every term',
    ko: '쿼리를 나누거나, 항을 하나하나 쓰는 대신 셀렉터 하나에 sum을 쓰세요',
  },

  // What an annotation means (Prometheus's util/annotations texts), on a line of its own beside it
  'annotation.meaning': { en: 'meaning: %{text}', ko: '설명: %{text}' },
  'annotation.notCounterName': {
    en: 'rate, increase and the like read counters, and counter names end in _total, _sum, _count or _bucket; if this metric is a gauge, use delta or deriv instead',
    ko: 'rate, increase 같은 함수는 카운터용이고, 카운터 이름은 보통 _total, _sum, _count, _bucket으로 끝나요. 이 메트릭이 게이지라면 delta나 deriv를 쓰세요',
  },
  'annotation.quantileRange': {
    en: 'a quantile is a number from 0 to 1 (0.99 for the 99th percentile); below 0 the result is -Inf, above 1 it is +Inf',
    ko: '분위수는 0에서 1 사이의 수예요(99번째 백분위수라면 0.99). 0보다 작으면 결과는 -Inf, 1보다 크면 +Inf가 돼요',
  },
  'annotation.ratioRange': {
    en: 'limit_ratio takes a ratio from -1 to 1; a value outside is capped to that range',
    ko: 'limit_ratio의 비율은 -1에서 1 사이여야 해요. 범위를 벗어난 값은 그 범위 끝으로 잘라서 써요',
  },
  'annotation.badLe': {
    en: 'histogram_quantile skipped series without a numeric `le` label: its input should be the _bucket series of a classic histogram',
    ko: 'histogram_quantile이 숫자 `le` 레이블이 없는 시계열을 건너뛰었어요. 입력은 클래식 히스토그램의 _bucket 시계열이어야 해요',
  },
  'annotation.mixedClassicNative': {
    en: 'the same histogram came both as classic `le` buckets and as a native histogram; select one of them (the _bucket series or the native metric)',
    ko: '같은 히스토그램이 클래식 `le` 버킷과 네이티브 히스토그램으로 함께 들어왔어요. 둘 중 하나만 고르세요(_bucket 시계열 또는 네이티브 메트릭)',
  },
  'annotation.nanObservations': {
    en: 'some observations are NaN, so the result is NaN or shifted; look for NaN values in what was observed',
    ko: '관측값 중에 NaN이 있어서 결과가 NaN이거나 한쪽으로 치우쳐요. 관측한 값에 NaN이 섞였는지 확인하세요',
  },
  'annotation.monotonicity': {
    en: 'the cumulative bucket counts did not grow with `le`, so Prometheus fixed them before interpolating; this happens when buckets come from different scrapes or a rate window holds a reset',
    ko: '누적 버킷 개수가 `le` 순서대로 늘지 않아서 Prometheus가 보정한 뒤 보간했어요. 버킷들을 서로 다른 스크레이프에서 읽었거나 rate 구간 안에 리셋이 있으면 생겨요',
  },
  'annotation.startTimeOverlap': {
    en: "a sample's start time (created timestamp) is before the previous sample, as if the counter had restarted in between",
    ko: '샘플의 시작 시각(created timestamp)이 이전 샘플보다 앞서요. 그 사이에 카운터가 재시작된 것처럼 보여요',
  },
  'annotation.sortRange': {
    en: 'a range query always orders its series by labels, so sort() and sort_desc() change nothing there; use them in instant queries',
    ko: '범위 쿼리의 결과는 항상 레이블 순으로 정렬돼서 sort()와 sort_desc()가 아무것도 바꾸지 못해요. 인스턴트 쿼리에서 쓰세요',
  },
  'annotation.mixedFloatsHistograms': {
    en: 'the same series has both float samples and native histograms in the window or group; Prometheus leaves it out of the result',
    ko: '같은 시계열(또는 그룹)에 float 샘플과 네이티브 히스토그램이 섞여 있어서 Prometheus가 결과에서 뺐어요',
  },
  'annotation.ignoredHistograms': {
    en: 'this function or aggregation works on floats only, so the native histogram samples were ignored',
    ko: '이 함수나 집계는 float만 다뤄서 네이티브 히스토그램 샘플은 무시했어요',
  },
  'annotation.notCounterHistogram': {
    en: 'this native histogram is marked as a gauge, but rate, increase and the like expect counters; use delta for gauge histograms',
    ko: '이 네이티브 히스토그램은 게이지로 표시돼 있는데 rate, increase 같은 함수는 카운터를 기대해요. 게이지 히스토그램에는 delta를 쓰세요',
  },
  'annotation.notGaugeHistogram': {
    en: 'this native histogram is a counter, but delta and the like expect gauges; use rate or increase for counter histograms',
    ko: '이 네이티브 히스토그램은 카운터인데 delta 같은 함수는 게이지를 기대해요. 카운터 히스토그램에는 rate나 increase를 쓰세요',
  },
  'annotation.mixedSchemas': {
    en: 'histograms with exponential buckets and with custom buckets (NHCB) cannot be combined; Prometheus leaves them out of the result',
    ko: '지수 버킷 히스토그램과 커스텀 버킷(NHCB) 히스토그램은 함께 계산할 수 없어서 Prometheus가 결과에서 뺐어요',
  },
  'annotation.incompatibleTypes': {
    en: 'this operator is not defined between a float and a native histogram (or two histograms), so that pair is left out',
    ko: '이 연산자는 float와 네이티브 히스토그램(또는 히스토그램 둘) 사이에 정의돼 있지 않아서 그 쌍은 결과에서 빠져요',
  },
  'annotation.incompatibleLayout': {
    en: 'the two histograms have bucket layouts that cannot be combined, so that pair is left out',
    ko: '두 히스토그램의 버킷 구조를 합칠 수 없어서 그 쌍은 결과에서 빠져요',
  },
  'annotation.resetCollision': {
    en: 'some inputs were marked as counter resets and others as not, so whether the result is a reset is uncertain',
    ko: '입력 중 일부는 카운터 리셋으로, 일부는 리셋이 아닌 것으로 표시돼 있어서 결과가 리셋인지 확실하지 않아요',
  },
  'annotation.customBucketsReconciled': {
    en: 'the custom bucket bounds differed, so Prometheus used the bounds they share',
    ko: '커스텀 버킷 경계가 서로 달라서 Prometheus가 공통 경계로 맞춰 계산했어요',
  },
} as const;
