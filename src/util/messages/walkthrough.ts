// explain --samples: the walk-throughs of rate & co (src/explain/rate-walk.ts),
// histogram_quantile (histogram-walk.ts) and their frame (walkthrough.ts).
// Numbers, times, PromQL and `le` values are parameters; the arithmetic lines
// (`rate = 1645 × (…) / 285.004 s`) keep their symbols in both languages.
// Korean avoids a particle right after a parameter (이/가, 을/를 and 으로/로
// depend on how the number is read), so sentences are built around them.

export const WALK_MESSAGES = {
  // The frame: which series, and whether the query agrees
  'walk.rangeHead': { en: '%{f}() on %{series}', ko: '%{f}() 계산 과정: %{series}' },
  'walk.histogramHead': {
    en: 'histogram_quantile(%{q}, …) on the histogram %{series}',
    ko: 'histogram_quantile(%{q}, …) 계산 과정: 히스토그램 %{series}',
  },
  'walk.same': { en: 'the query returns %{value}: the same number', ko: '쿼리 결과도 %{value}: 같은 값이에요' },
  'walk.differs': {
    en: 'the query returns %{value}, not %{computed}: this walk-through does not reproduce it',
    ko: '쿼리 결과는 %{value}, 여기서 계산한 값은 %{computed}: 이 풀이로는 쿼리 결과가 재현되지 않아요',
  },
  'walk.noValue': { en: 'the query returns no value for this series', ko: '쿼리는 이 시계열에 값을 돌려주지 않아요' },
  'walk.emptyWindow': {
    en: 'no series has a sample in the window (%{start}, %{end}] of %{query}: %{f}() returns nothing',
    ko: '%{query}의 구간 (%{start}, %{end}]에 샘플이 있는 시계열이 없어요: %{f}()는 아무것도 돌려주지 않아요',
  },
  'walk.seriesNotSelector': {
    en: '--series must be a series selector such as \'{instance="api-1:8080"}\': %{message}',
    ko: '--series에는 \'{instance="api-1:8080"}\' 같은 시계열 셀렉터를 써야 해요: %{message}',
  },
  'walk.seriesNotSelectorGot': {
    en: '--series must be a series selector such as \'{instance="api-1:8080"}\', got %{text}',
    ko: '--series에는 \'{instance="api-1:8080"}\' 같은 시계열 셀렉터를 써야 해요(받은 값: %{text})',
  },
  'walk.noSuchSeries': {
    en: '--series %{filter} matches none of the %{n} series of %{query}; they are:',
    ko: '--series %{filter}에 맞는 시계열이 %{query}의 시계열 %{n}개 중에 없어요. 후보는:',
  },
  'walk.noSuchHistogram': {
    en: '--series %{filter} matches none of the %{n} series of histograms in %{query}; they are:',
    ko: '--series %{filter}에 맞는 히스토그램이 %{query}의 히스토그램 %{n}개 중에 없어요. 후보는:',
  },
  'walk.noSuchSeriesHint': {
    en: 'copy the labels of one of them into --series',
    ko: '이 중 하나의 레이블을 --series에 그대로 옮겨 쓰세요',
  },

  // The sample table and the window (rate-walk.ts)
  'walk.window': {
    en: 'window (%{start}, %{end}] (left-open), %{n} samples:',
    ko: '구간 (%{start}, %{end}] (왼쪽 열림), 샘플 %{n}개:',
  },
  'walk.window1': {
    en: 'window (%{start}, %{end}] (left-open), %{n} sample:',
    ko: '구간 (%{start}, %{end}] (왼쪽 열림), 샘플 %{n}개:',
  },
  'walk.moreSamples': { en: '… %{n} more samples', ko: '… 샘플 %{n}개 생략' },
  'walk.moreSample': { en: '… %{n} more sample', ko: '… 샘플 %{n}개 생략' },
  'walk.seconds': { en: '%{n} s', ko: '%{n}초' },
  'walk.needTwo': {
    en: '%{f}() needs at least two samples in the window: no result for this series',
    ko: '%{f}()는 구간 안에 샘플이 두 개 이상 있어야 해요: 이 시계열은 결과가 없어요',
  },

  // rate, increase, delta
  'walk.resetMark': { en: 'reset: %{v} < %{prev}, add %{prev}', ko: '리셋: %{v} < %{prev}, +%{prev}' },
  'walk.beforeReset': { en: 'before the reset', ko: '리셋 직전' },
  'walk.lastMinusFirst': { en: 'last − first: %{last} − %{first} = %{r}', ko: '마지막 − 처음: %{last} − %{first} = %{r}' },
  'walk.resets': {
    en: '%{n} counter resets: add the value before each drop, %{add}: %{before} + %{add} = %{r}',
    ko: '카운터 리셋 %{n}번: 떨어지기 직전 값들(합 %{add})을 더해요: %{before} + %{add} = %{r}',
  },
  'walk.reset1': {
    en: '%{n} counter reset: add the value before each drop, %{add}: %{before} + %{add} = %{r}',
    ko: '카운터 리셋 %{n}번: 떨어지기 직전 값(%{add})을 더해요: %{before} + %{add} = %{r}',
  },
  'walk.noResets': { en: 'no counter resets in the window', ko: '구간 안에 카운터 리셋 없음' },
  'walk.sampled': {
    en: 'sampled interval: %{last} − %{first} = %{sampled} over %{gaps} gaps, average %{avg}; 1.1 × average = %{threshold}',
    ko: '샘플이 있는 구간: %{last} − %{first} = %{sampled}, 간격 %{gaps}개의 평균 %{avg}; 1.1 × 평균 = %{threshold}',
  },
  'walk.startLabel': { en: 'start: ', ko: '시작: ' },
  'walk.endLabel': { en: 'end:   ', ko: '끝:   ' },
  'walk.startHalf': {
    en: 'first sample %{gap} after the window start, ≥ %{threshold}: the series starts inside the window, extrapolate half an interval, %{to}',
    ko: '첫 샘플이 구간 시작보다 %{gap} 뒤, ≥ %{threshold}: 시계열이 구간 안에서 시작했다고 보고 평균 간격의 절반(%{to})만 외삽해요',
  },
  'walk.startAll': {
    en: 'first sample %{gap} after the window start, < %{threshold}: extrapolate all the way to the start, %{to}',
    ko: '첫 샘플이 구간 시작보다 %{gap} 뒤, < %{threshold}: 구간 시작까지 외삽해요(%{to})',
  },
  'walk.zeroLimit': {
    en: 'but a counter never goes below zero: at this slope it reaches 0 %{z} before the first sample, so extrapolate only %{z}',
    ko: '하지만 카운터는 0 아래로 내려가지 않아요: 이 기울기라면 첫 샘플보다 %{z} 앞에서 0이 되니 %{z}만 외삽해요',
  },
  'walk.zeroNoLimit': {
    en: '(at this slope the counter would reach 0 %{z} before the first sample: no limit)',
    ko: '(이 기울기라면 카운터는 첫 샘플보다 %{z} 앞에서 0이 돼요: 제한 없음)',
  },
  'walk.endHalf': {
    en: 'last sample %{gap} before the window end, ≥ %{threshold}: the series ends inside the window, extrapolate half an interval, %{to}',
    ko: '마지막 샘플이 구간 끝보다 %{gap} 앞, ≥ %{threshold}: 시계열이 구간 안에서 끝났다고 보고 평균 간격의 절반(%{to})만 외삽해요',
  },
  'walk.endAll': {
    en: 'last sample %{gap} before the window end, < %{threshold}: extrapolate all the way to the end, %{to}',
    ko: '마지막 샘플이 구간 끝보다 %{gap} 앞, < %{threshold}: 구간 끝까지 외삽해요(%{to})',
  },

  // irate, idelta
  'walk.secondToLast': { en: 'second to last', ko: '끝에서 두 번째' },
  'walk.last': { en: 'last', ko: '마지막' },
  'walk.sameTimestamp': {
    en: 'the last two samples have the same timestamp: no result',
    ko: '마지막 두 샘플의 타임스탬프가 같아요: 결과 없음',
  },
  'walk.instantReset': {
    en: 'the counter reset between them (%{v1} < %{v0}): the increase is the last value, %{v1}',
    ko: '두 샘플 사이에 카운터가 리셋됐어요(%{v1} < %{v0}): 증가량은 마지막 값 %{v1}',
  },
  'walk.difference': { en: 'difference: %{v1} − %{v0} = %{r}', ko: '차이: %{v1} − %{v0} = %{r}' },

  // deriv
  'walk.flat': { en: 'every sample has the same value: the slope is %{v}', ko: '모든 샘플 값이 같아요: 기울기는 %{v}' },
  'walk.regression': {
    en: 'x = seconds since the first sample (%{t0}), y = value; least squares over %{n} points (Kahan-compensated sums):',
    ko: 'x = 첫 샘플(%{t0}) 이후 경과 초, y = 값; 점 %{n}개로 최소제곱법(Kahan 보정 합):',
  },
  'walk.derivResult': {
    en: 'deriv = cov / var = %{cov} / %{var} = %{v} per second',
    ko: 'deriv = cov / var = %{cov} / %{var} = %{v}/초',
  },

  // histogram_quantile
  'walk.leNotNumber': {
    en: 'le="%{le}" is not a number: that series is ignored',
    ko: 'le="%{le}"는 숫자가 아니에요: 그 시계열은 무시해요',
  },
  'walk.buckets': { en: '%{n} buckets, sorted by le:', ko: '버킷 %{n}개, le 순으로 정렬:' },
  'walk.bucket1': { en: '%{n} bucket, sorted by le:', ko: '버킷 %{n}개, le 순으로 정렬:' },
  'walk.cumulative': { en: 'CUMULATIVE COUNT', ko: '누적 개수' },
  'walk.noInf': { en: 'there is no le="+Inf" bucket: the result is NaN', ko: 'le="+Inf" 버킷이 없어요: 결과는 NaN' },
  'walk.sameBound': {
    en: 'buckets with the same bound (e.g. le="1" and le="1.0") are added together',
    ko: '경계가 같은 버킷(예: le="1"과 le="1.0")은 하나로 합쳐요',
  },
  'walk.floatError': { en: 'was %{was} (float error, set to %{to})', ko: '원래 %{was}(부동소수점 오차라서 %{to}에 맞춤)' },
  'walk.raised': {
    en: 'was %{was}: less than a lower bucket, raised to %{to}',
    ko: '원래 %{was}: 아래 버킷보다 작아서 %{to}까지 올림',
  },
  'walk.fewBuckets': {
    en: 'fewer than two buckets: no interpolation is possible, the result is NaN',
    ko: '버킷이 두 개보다 적어서 보간할 수 없어요: 결과는 NaN',
  },
  'walk.noObservations': {
    en: 'no observations (the +Inf bucket is 0): the result is NaN',
    ko: '관측값이 없어요(+Inf 버킷이 0): 결과는 NaN',
  },
  'walk.qNaN': { en: 'q is NaN: the result is NaN', ko: 'q가 NaN이에요: 결과는 NaN' },
  'walk.qBelow': { en: 'q = %{q} < 0: the result is -Inf', ko: 'q = %{q} < 0: 결과는 -Inf' },
  'walk.qAbove': { en: 'q = %{q} > 1: the result is +Inf', ko: 'q = %{q} > 1: 결과는 +Inf' },
  'walk.rankHere': { en: '← rank %{rank} falls here', ko: '← 순위 %{rank}: 이 버킷' },
  'walk.forced': {
    en: 'the counts were not monotonic and were fixed (Prometheus adds an info annotation)',
    ko: '누적 개수가 단조 증가하지 않아서 고쳤어요(Prometheus는 info 어노테이션을 붙여요)',
  },
  'walk.rank': {
    en: 'observations: %{total} (the +Inf bucket); rank = q × count = %{q} × %{total} = %{rank}',
    ko: '관측값 수: %{total}(+Inf 버킷); 순위 = q × 개수 = %{q} × %{total} = %{rank}',
  },
  'walk.firstBucket': {
    en: 'the first bucket whose cumulative count is ≥ %{rank}: le="%{le}"',
    ko: '누적 개수가 %{rank} 이상인 첫 버킷: le="%{le}"',
  },
  'walk.infBucket': {
    en: 'that is the +Inf bucket: nothing to interpolate, the result is the highest finite bound, %{v}',
    ko: '+Inf 버킷이라 보간할 수 없어요: 결과는 가장 큰 유한 경계 %{v}',
  },
  'walk.lowestNonPositive': {
    en: 'the lowest bucket has a bound ≤ 0: the result is that bound, %{v}',
    ko: '가장 낮은 버킷의 경계가 0 이하예요: 결과는 그 경계 %{v}',
  },
  'walk.inside': {
    en: 'observations inside the bucket (%{lo}, %{hi}]: %{c0} − %{below} = %{c}',
    ko: '버킷 (%{lo}, %{hi}] 안의 관측값: %{c0} − %{below} = %{c}',
  },
  'walk.rankInside': { en: 'rank inside the bucket: %{r0} − %{below} = %{r}', ko: '버킷 안에서의 순위: %{r0} − %{below} = %{r}' },
  'walk.lowest': {
    en: 'the lowest bucket: assumed to start at 0, (0, %{hi}], %{c} observations',
    ko: '가장 낮은 버킷: 0에서 시작한다고 보고 (0, %{hi}], 관측값 %{c}개',
  },
  'walk.interpolation': {
    en: 'linear interpolation: %{lo} + (%{hi} − %{lo}) × %{rank} / %{count} = %{v}',
    ko: '선형 보간: %{lo} + (%{hi} − %{lo}) × %{rank} / %{count} = %{v}',
  },
} as const;
