// explain's messages: the one sentence per node (src/explain/sentences.ts) and
// the tree's annotations (src/explain/render.ts, explain.ts). PromQL, function,
// label and metric names stay in English in both languages.

export const EXPLAIN_MESSAGES = {
  // Selectors
  'explain.sel.named': { en: 'named %{name}', ko: '이름이 %{name}인' },
  'explain.sel.namedWith': { en: 'named %{name} with %{matchers}', ko: '이름이 %{name}이고 %{matchers}에 맞는' },
  'explain.sel.any': { en: 'of any name', ko: '이름과 상관없는' },
  'explain.sel.anyWith': { en: 'of any name with %{matchers}', ko: '이름과 상관없이 %{matchers}에 맞는' },
  'explain.sel.and': { en: ' and ', ko: ', ' },
  'explain.when.at': { en: 'at %{time}', ko: '%{time} 시점 기준' },
  'explain.when.atStart': { en: "at the query's start time", ko: '쿼리 시작 시각 기준' },
  'explain.when.atEnd': { en: "at the query's end time", ko: '쿼리 끝 시각 기준' },
  'explain.when.earlier': { en: 'as it was %{d} earlier', ko: '%{d} 전의 값으로' },
  'explain.when.later': { en: 'as it will be %{d} later', ko: '%{d} 뒤의 값으로' },
  'explain.vectorSelector': {
    en: 'the latest sample (at most %{lookback} old) of every series %{selection}%{when}',
    ko: '%{selection} 모든 시계열의 최신 샘플(최대 %{lookback} 이내)%{when}',
  },
  'explain.matrixSelector': {
    en: 'every raw sample of the last %{range} of each series %{selection}%{when}',
    ko: '%{selection} 각 시계열의 최근 %{range} 동안의 원시 샘플 전부%{when}',
  },
  'explain.subquery': {
    en: 'evaluates the inner expression every %{step} over the last %{range}%{when}, giving a range vector of its results',
    ko: '최근 %{range} 동안%{when} 안쪽 식을 %{step}마다 평가해서, 그 결과를 범위 벡터로 돌려줘요',
  },
  'explain.defaultStep': { en: 'the default step (1m)', ko: '기본 간격(1m)' },
  'explain.window': { en: 'over the last %{range}', ko: '최근 %{range} 동안' },
  // Functions
  'explain.fn.rate': {
    en: "the per-second average increase of each counter %{w}, corrected for restarts and extrapolated to the window's edges",
    ko: '%{w} 각 카운터의 초당 평균 증가율(재시작을 보정하고 구간 끝까지 외삽)',
  },
  'explain.fn.increase': {
    en: "how much each counter grew %{w}, corrected for restarts and extrapolated to the window's edges",
    ko: '%{w} 각 카운터가 늘어난 양(재시작을 보정하고 구간 끝까지 외삽)',
  },
  'explain.fn.irate': {
    en: 'the per-second increase of each counter between its last two samples %{w}',
    ko: '%{w} 각 카운터의 마지막 두 샘플 사이 초당 증가율',
  },
  'explain.fn.delta': {
    en: "how much each gauge changed %{w} (last minus first sample, extrapolated to the window's edges)",
    ko: '%{w} 각 게이지가 변한 양(마지막 샘플 빼기 첫 샘플, 구간 끝까지 외삽)',
  },
  'explain.fn.idelta': {
    en: 'the difference between the last two samples of each gauge %{w}',
    ko: '%{w} 각 게이지의 마지막 두 샘플의 차이',
  },
  'explain.fn.deriv': {
    en: 'the per-second slope of each gauge %{w}, by least-squares linear regression',
    ko: '%{w} 각 게이지의 초당 기울기(최소제곱 선형 회귀)',
  },
  'explain.fn.predict_linear': {
    en: 'the value each gauge will have %{t} seconds after the evaluation time, extrapolating the linear trend %{w}',
    ko: '%{w}의 선형 추세를 이어서 구한, 평가 시각에서 %{t}초 뒤의 각 게이지 값',
  },
  'explain.fn.changes': { en: "how many times each series' value changed %{w}", ko: '%{w} 각 시계열의 값이 바뀐 횟수' },
  'explain.fn.resets': { en: 'how many times each counter went down (restarted) %{w}', ko: '%{w} 각 카운터가 줄어든(재시작된) 횟수' },
  'explain.fn.quantile_over_time': { en: "the %{q}-quantile of each series' samples %{w}", ko: '%{w} 각 시계열 샘플의 %{q} 분위수' },
  'explain.fn.absent_over_time': {
    en: "1 (with the selector's equality labels) when no series has a sample %{w}; nothing otherwise",
    ko: '%{w} 샘플이 있는 시계열이 하나도 없으면 1(셀렉터의 = 레이블을 붙여서), 있으면 결과 없음',
  },
  'explain.fn.histogram_quantile': {
    en: 'the %{q}-quantile of the observations in each histogram, interpolated linearly inside the bucket it falls in (the buckets of one histogram share every label but `le`)',
    ko: '각 히스토그램 관측값의 %{q} 분위수(해당 버킷 안에서 선형 보간; 한 히스토그램의 버킷들은 `le`만 빼고 레이블이 모두 같아요)',
  },
  'explain.fn.histogram_fraction': {
    en: 'the fraction of observations between %{lo} and %{hi} in each histogram',
    ko: '각 히스토그램에서 관측값이 %{lo} ~ %{hi} 사이에 있는 비율',
  },
  'explain.fn.absent': {
    en: "1 (with the selector's equality labels) when the argument has no series; nothing otherwise",
    ko: '인자에 시계열이 없으면 1(셀렉터의 = 레이블을 붙여서), 있으면 결과 없음',
  },
  'explain.fn.label_replace': {
    en: 'sets label %{dst} to %{repl} where label %{src} matches the regex %{re} (the whole value); other series pass unchanged',
    ko: '레이블 %{src}의 값 전체가 정규식 %{re}에 맞으면 레이블 %{dst}에 %{repl} 값을 넣어요; 나머지 시계열은 그대로 지나가요',
  },
  'explain.fn.label_join': {
    en: 'sets label %{dst} to the values of %{srcs} joined with %{sep}',
    ko: '%{srcs} 값을 구분자 %{sep}로 이어 붙여 레이블 %{dst}에 넣어요',
  },
  'explain.fn.time': { en: 'the evaluation time, in seconds since 1970', ko: '평가 시각(1970년부터 센 초)' },
  'explain.fn.vector': {
    en: 'turns the scalar into a one-series vector without labels',
    ko: '스칼라를 레이블 없는 시계열 하나짜리 벡터로 바꿔요',
  },
  'explain.fn.scalar': {
    en: "the value of the argument's only series as a scalar (NaN unless there is exactly one series)",
    ko: '인자의 유일한 시계열 값을 스칼라로(시계열이 정확히 하나가 아니면 NaN)',
  },
  'explain.fn.clamp': { en: 'each value limited to the range %{min} .. %{max}', ko: '각 값을 %{min} .. %{max} 범위로 제한한 값' },
  'explain.fn.clamp_min': { en: 'each value, raised to at least %{min}', ko: '각 값을 최소 %{min}까지 올린 값' },
  'explain.fn.clamp_max': { en: 'each value, lowered to at most %{max}', ko: '각 값을 최대 %{max}까지 내린 값' },
  'explain.fn.roundTo': { en: 'each value rounded to the nearest multiple of %{to}', ko: '각 값을 가장 가까운 %{to}의 배수로 반올림한 값' },
  'explain.fn.round': { en: 'each value rounded to the nearest integer', ko: '각 값을 가장 가까운 정수로 반올림한 값' },
  'explain.fn.sort': { en: 'the series sorted by value, smallest first', ko: '값이 작은 것부터 정렬한 시계열' },
  'explain.fn.sort_desc': { en: 'the series sorted by value, largest first', ko: '값이 큰 것부터 정렬한 시계열' },
  'explain.fn.timestamp': { en: "the timestamp of each series' sample, in seconds", ko: '각 시계열 샘플의 타임스탬프(초)' },
  'explain.fn.present_over_time': {
    en: "1 when there is any of each series' samples %{w}",
    ko: '%{w} 각 시계열에 샘플이 하나라도 있으면 1',
  },
  'explain.fn.overTime': { en: "%{what} of each series' samples %{w}%{name}", ko: '%{w} 각 시계열 샘플의 %{what}%{name}' },
  'explain.fn.doc': { en: '%{f}: %{doc}%{name}', ko: '%{f}: %{doc}%{name}' },
  'explain.fn.call': { en: 'calls %{f}', ko: '%{f} 호출' },
  'explain.fn.keepsName': { en: '; the metric name is kept', ko: '; 메트릭 이름은 유지돼요' },
  'explain.fn.dropsName': { en: '; the metric name is dropped', ko: '; 메트릭 이름은 빠져요' },
  'explain.over.avg': { en: 'the average', ko: '평균' },
  'explain.over.sum': { en: 'the sum', ko: '합' },
  'explain.over.min': { en: 'the smallest value', ko: '가장 작은 값' },
  'explain.over.max': { en: 'the largest value', ko: '가장 큰 값' },
  'explain.over.count': { en: 'the number', ko: '개수' },
  'explain.over.last': { en: 'the most recent value', ko: '가장 최근 값' },
  'explain.over.first': { en: 'the oldest value', ko: '가장 오래된 값' },
  'explain.over.stddev': { en: 'the population standard deviation', ko: '모표준편차' },
  'explain.over.stdvar': { en: 'the population variance', ko: '모분산' },
  'explain.over.mad': { en: 'the median absolute deviation', ko: '중앙값 절대 편차' },
  // Aggregations
  'explain.agg.perOther': { en: 'one output series per combination of the other labels', ko: '나머지 레이블 조합마다 출력 시계열 하나' },
  'explain.agg.scopeWithout': {
    en: 'the input series that are equal apart from %{labels} (and the metric name)',
    ko: '%{labels} 및 메트릭 이름만 다른 입력 시계열',
  },
  'explain.agg.perNone': { en: 'into one series without labels', ko: '레이블 없는 시계열 하나로' },
  'explain.agg.scopeAll': { en: 'all input series', ko: '모든 입력 시계열' },
  'explain.agg.perOne': { en: 'one output series per %{label}', ko: '%{label}마다 출력 시계열 하나' },
  'explain.agg.perMany': { en: 'one output series per combination of %{labels}', ko: '%{labels} 조합마다 출력 시계열 하나' },
  'explain.agg.scopeBy': { en: 'the input series that share the same %{labels}', ko: '%{labels} 값이 같은 입력 시계열' },
  'explain.agg.tail': { en: ', %{per}', ko: '(%{per})' },
  'explain.agg.tailAll': { en: ' %{per}', ko: '(%{per})' },
  'explain.agg.withinGroup': { en: ' within each group', ko: '각 그룹 안에서 ' },
  'explain.agg.sum': { en: 'adds up %{scope}%{tail}', ko: '%{scope}의 합%{tail}' },
  'explain.agg.avg': { en: 'averages %{scope}%{tail}', ko: '%{scope}의 평균%{tail}' },
  'explain.agg.count': { en: 'counts %{scope}%{tail}', ko: '%{scope}의 개수%{tail}' },
  'explain.agg.min': { en: 'the smallest value among %{scope}%{tail}', ko: '%{scope} 중 가장 작은 값%{tail}' },
  'explain.agg.max': { en: 'the largest value among %{scope}%{tail}', ko: '%{scope} 중 가장 큰 값%{tail}' },
  'explain.agg.group': { en: '1 for each group of %{scope}%{tail}', ko: '%{scope}의 그룹마다 1%{tail}' },
  'explain.agg.stddev': { en: 'the population standard deviation of %{scope}%{tail}', ko: '%{scope} 값의 모표준편차%{tail}' },
  'explain.agg.stdvar': { en: 'the population variance of %{scope}%{tail}', ko: '%{scope} 값의 모분산%{tail}' },
  'explain.agg.quantile': { en: 'the %{p}-quantile of the values of %{scope}%{tail}', ko: '%{scope} 값의 %{p} 분위수%{tail}' },
  'explain.agg.topk': {
    en: 'keeps the %{p} series with the largest values%{within}, with all their labels',
    ko: '%{within}값이 가장 큰 시계열 %{p}개를 레이블 그대로 남겨요',
  },
  'explain.agg.bottomk': {
    en: 'keeps the %{p} series with the smallest values%{within}, with all their labels',
    ko: '%{within}값이 가장 작은 시계열 %{p}개를 레이블 그대로 남겨요',
  },
  'explain.agg.limitk': {
    en: 'keeps %{p} series%{within} (chosen by a hash of their labels), with all their labels',
    ko: '%{within}시계열 %{p}개를 레이블 그대로 남겨요(레이블 해시로 골라요)',
  },
  'explain.agg.limit_ratio': {
    en: 'keeps about a %{p} fraction of the series%{within} (chosen by a hash of their labels)',
    ko: '%{within}시계열의 약 %{p} 비율만큼 남겨요(레이블 해시로 골라요)',
  },
  'explain.agg.count_values': {
    en: 'counts how many series of %{scope} have each value, putting the value in label %{p}',
    ko: '%{scope} 중 값마다 그 값을 가진 시계열 수를 세고, 값은 레이블 %{p}에 넣어요',
  },
  // Binary operators
  'explain.op.+': { en: 'plus', ko: '더하기' },
  'explain.op.-': { en: 'minus', ko: '빼기' },
  'explain.op.*': { en: 'times', ko: '곱하기' },
  'explain.op./': { en: 'divided by', ko: '나누기' },
  'explain.op.%': { en: 'modulo', ko: '%(나머지)' },
  'explain.op.^': { en: 'to the power of', ko: '^(거듭제곱)' },
  'explain.op.atan2': { en: 'atan2 with', ko: 'atan2' },
  'explain.cmp.==': { en: 'equal to %{x}', ko: '%{x}과(와) 같은' },
  'explain.cmp.!=': { en: 'not equal to %{x}', ko: '%{x}과(와) 다른' },
  'explain.cmp.>': { en: 'greater than %{x}', ko: '%{x} 초과인' },
  'explain.cmp.<': { en: 'less than %{x}', ko: '%{x} 미만인' },
  'explain.cmp.>=': { en: 'at least %{x}', ko: '%{x} 이상인' },
  'explain.cmp.<=': { en: 'at most %{x}', ko: '%{x} 이하인' },
  'explain.match.on': { en: 'the same %{labels}', ko: '%{labels} 값이 같은' },
  'explain.match.ignoring': { en: 'the same labels apart from %{labels}', ko: '%{labels} 외의 레이블이 같은' },
  'explain.match.exact': { en: 'exactly the same labels (apart from the metric name)', ko: '레이블이 정확히 같은(메트릭 이름 제외)' },
  'explain.match.groupLeft': {
    en: '; many left series may share one right series (group_left)',
    ko: '; 왼쪽 시계열 여럿이 오른쪽 시계열 하나를 같이 쓸 수 있어요(group_left)',
  },
  'explain.match.groupRight': {
    en: '; many right series may share one left series (group_right)',
    ko: '; 오른쪽 시계열 여럿이 왼쪽 시계열 하나를 같이 쓸 수 있어요(group_right)',
  },
  'explain.bin.and': {
    en: 'keeps the left series that have a right series with %{matching}',
    ko: '오른쪽에 %{matching} 시계열이 있는 왼쪽 시계열만 남겨요',
  },
  'explain.bin.or': {
    en: 'all left series, plus the right series with no left series of %{matching}',
    ko: '왼쪽 시계열 전부, 그리고 왼쪽에 %{matching} 시계열이 없는 오른쪽 시계열',
  },
  'explain.bin.unless': {
    en: 'keeps the left series that have no right series with %{matching}',
    ko: '오른쪽에 %{matching} 시계열이 없는 왼쪽 시계열만 남겨요',
  },
  'explain.bin.cmpScalars': { en: '1 if %{l} is %{rel}, else 0', ko: '%{l} 값이 %{rel} 경우 1, 아니면 0' },
  'explain.bin.rightWith': { en: 'the right series with %{matching}', ko: '%{matching} 오른쪽 시계열 값' },
  'explain.bin.left': { en: 'left', ko: '왼쪽' },
  'explain.bin.right': { en: 'right', ko: '오른쪽' },
  'explain.bin.cmpBool': {
    en: '1 for each %{side} series whose value is %{rel}, 0 for the others (bool keeps every series)',
    ko: '값이 %{rel} %{side} 시계열은 1, 나머지는 0(bool은 모든 시계열을 남겨요)',
  },
  'explain.bin.cmpFilter': {
    en: 'keeps only the %{side} series whose value is %{rel}; the others are dropped',
    ko: '값이 %{rel} %{side} 시계열만 남기고 나머지는 버려요',
  },
  'explain.bin.scalars': { en: 'the left scalar %{word} the right one', ko: '왼쪽 스칼라 %{word} 오른쪽 스칼라' },
  'explain.bin.rightScalar': {
    en: 'each left value %{word} %{r}; the metric name is dropped',
    ko: '각 왼쪽 값 %{word} %{r}; 메트릭 이름은 빠져요',
  },
  'explain.bin.leftScalar': {
    en: '%{l} %{word} each right value; the metric name is dropped',
    ko: '%{l} %{word} 각 오른쪽 값; 메트릭 이름은 빠져요',
  },
  'explain.bin.vectors': {
    en: 'each left value %{word} the value of the right series with %{matching}; the metric name is dropped',
    ko: '각 왼쪽 값 %{word} %{matching} 오른쪽 시계열의 값; 메트릭 이름은 빠져요',
  },
  // Other nodes
  'explain.unary.neg': { en: 'negates every value', ko: '모든 값의 부호를 바꿔요' },
  'explain.unary.pos': { en: 'every value unchanged', ko: '모든 값을 그대로' },
  'explain.number': { en: 'the number %{n}', ko: '숫자 %{n}' },
  'explain.durationSeconds': { en: 'the duration %{d}, as seconds', ko: '기간 %{d}(초 단위)' },
  'explain.string': { en: 'the string %{s}', ko: '문자열 %{s}' },
  'explain.duration': { en: 'the duration %{d}', ko: '기간 %{d}' },
  'explain.head.unary': { en: '%{op} (unary)', ko: '%{op} (단항)' },
} as const;

/** The tree's annotations (src/explain/render.ts) and the method line (src/explain/explain.ts). */
export const EXPLAIN_TREE_MESSAGES = {
  'explain.size.error': { en: '%{type}, error', ko: '%{type}, 오류' },
  'explain.size.series': { en: '%{type}, %{n} series', ko: '%{type}, 시계열 %{n}개' },
  'explain.size.matrix': { en: '%{type}, %{n} series, %{samples} samples', ko: '%{type}, 시계열 %{n}개, 샘플 %{samples}개' },
  'explain.error': { en: 'error: %{message}', ko: '오류: %{message}' },
  'explain.errorBelow': { en: 'error (from below): %{message}', ko: '오류(하위 식에서): %{message}' },
  'explain.hint': { en: 'hint: %{hint}', ko: '힌트: %{hint}' },
  'explain.warning': { en: 'warning: %{text}', ko: '경고: %{text}' },
  'explain.info': { en: 'info: %{text}', ko: '정보: %{text}' },
  'explain.matcherSteps': { en: 'series left after each matcher: %{steps}', ko: '매처마다 남은 시계열: %{steps}' },
  'explain.matchesNothing': { en: '%{head} matches no series:', ko: '%{head}에 맞는 시계열이 없어요:' },
  'explain.role.parameter': { en: 'parameter', ko: '파라미터' },
  'explain.noSeries': { en: 'no series', ko: '시계열 없음' },
  'explain.allNamed': { en: '; all named %{name}', ko: '; 모두 이름이 %{name}' },
  'explain.allWith': { en: '; all with %{labels}', ko: '; 모두 %{labels}' },
  'explain.theMetricName': { en: 'the metric name', ko: '메트릭 이름' },
  'explain.varies': { en: '; %{labels} varies', ko: '; %{labels} 값이 서로 달라요' },
  'explain.vary': { en: '; %{labels} vary', ko: '; %{labels} 값이 서로 달라요' },
  'explain.seriesCount': { en: '%{n} series%{vary}%{common}', ko: '시계열 %{n}개%{vary}%{common}' },
  'explain.sample': { en: '%{n} sample', ko: '샘플 %{n}개' },
  'explain.samples': { en: '%{n} samples', ko: '샘플 %{n}개' },
  'explain.histogramCounts': { en: ' of native histograms (counts)', ko: '(네이티브 히스토그램, count 기준)' },
  'explain.more': { en: '… %{n} more', ko: '… 외 %{n}개' },
  'explain.sideOnly': { en: '%{side} only: %{series}', ko: '%{side}에만 있음: %{series}' },
  'explain.apartBy': { en: ' (apart by %{labels})', ko: ' (%{labels} 값이 달라요)' },
  'explain.moreSideOnly': { en: '… %{n} more %{side}-only series', ko: '… %{side}에만 있는 시계열 %{n}개 더' },
  'explain.leftUnmatched': { en: '%{n} left series without a partner', ko: '짝이 없는 왼쪽 시계열 %{n}개' },
  'explain.rightUnmatched': { en: '%{n} right series without a partner', ko: '짝이 없는 오른쪽 시계열 %{n}개' },
  'explain.matching': {
    en: 'matching %{matching} (%{card}): %{left} left, %{right} right series, %{pairs} matched%{unmatched}',
    ko: '매칭 %{matching} (%{card}): 왼쪽 %{left}개, 오른쪽 %{right}개 시계열, %{pairs}쌍 매칭%{unmatched}',
  },
  'explain.duplicate': {
    en: 'the match group %{group} has %{n} series on the %{side}, differing in %{labels}:',
    ko: '매칭 그룹 %{group}의 %{side}에 시계열이 %{n}개 있고, %{labels} 값이 달라요:',
  },
  'explain.nothingButName': { en: 'nothing but the name', ko: '이름만' },
  'explain.filterDropped': {
    en: 'the comparison dropped %{n} series; `%{alt}` would keep every series, as 1 (true) or 0 (false)',
    ko: '비교 연산이 시계열 %{n}개를 버렸어요; `%{alt}`로 쓰면 모든 시계열을 1(참) 또는 0(거짓)으로 남겨요',
  },
  'explain.agg.noInput': { en: 'no input series, so no groups (%{grouping})', ko: '입력 시계열이 없어서 그룹도 없어요(%{grouping})' },
  'explain.agg.inEach': { en: ', %{n} in each', ko: ', 그룹마다 %{n}개' },
  'explain.agg.perGroup': { en: '; inputs per group: %{groups}%{more}', ko: '; 그룹별 입력: %{groups}%{more}' },
  'explain.agg.moreGroups': { en: ', … %{n} more', ko: ', … 외 %{n}개' },
  'explain.agg.oneGroup': { en: 'one group (%{grouping}) of %{n} input series', ko: '그룹 하나(%{grouping}), 입력 시계열 %{n}개' },
  'explain.agg.groups': {
    en: '%{groups} groups (%{grouping}) from %{n} input series%{per}',
    ko: '그룹 %{groups}개(%{grouping}), 입력 시계열 %{n}개%{per}',
  },
  'explain.agg.dropped': { en: 'labels dropped: %{labels}', ko: '빠진 레이블: %{labels}' },
  'explain.method.remote': {
    en: 'each sub-expression was sent to %{name} as its own instant query through the Prometheus HTTP API',
    ko: '하위 식마다 Prometheus HTTP API로 %{name}에 별도의 인스턴트 쿼리를 보냈어요',
  },
  'explain.method.separate': {
    en: 'each sub-expression was evaluated as its own instant query by the embedded engine (%{name} data)',
    ko: '내장 엔진이 하위 식마다 별도의 인스턴트 쿼리로 평가했어요(%{name} 데이터)',
  },
  'explain.method.once': {
    en: 'the embedded engine evaluated the query once (%{name} data)',
    ko: '내장 엔진이 쿼리를 한 번 평가했어요(%{name} 데이터)',
  },
  'explain.method.recordAll': { en: "%{once}, recording each sub-expression's value", ko: '%{once}. 하위 식마다 값을 기록했어요' },
  'explain.method.recordSome': {
    en: '%{once}, recording the value of %{n} sub-expressions; %{others}',
    ko: '%{once}. 하위 식 %{n}개의 값을 기록했고, %{others}',
  },
  'explain.method.recordOne': {
    en: '%{once}, recording the value of 1 sub-expression; %{others}',
    ko: '%{once}. 하위 식 1개의 값을 기록했고, %{others}',
  },
  'explain.method.otherOne': {
    en: '1 other was evaluated as its own instant query',
    ko: '나머지 1개는 별도의 인스턴트 쿼리로 평가했어요',
  },
  'explain.method.others': {
    en: '%{n} others as their own instant queries',
    ko: '나머지 %{n}개는 각각 별도의 인스턴트 쿼리로 평가했어요',
  },
} as const;

/** Why a selector matched nothing (src/explain/selectors.ts): explain, the REPL and the tutorial's "no data". */
export const SELECTOR_MESSAGES = {
  'sel.hintPrefix': { en: 'hint: ', ko: '힌트: ' },
  'sel.staleElsewhere': {
    en: 'series with %{matcher} exist, but none has a sample in the lookback window before this time (a scrape gap, a restart or a stale series)',
    ko: '%{matcher} 시계열은 있지만, 이 시각 전 룩백 구간 안에 샘플이 있는 시계열이 없어요(스크레이프 공백, 재시작, 또는 stale 시계열)',
  },
  'sel.regexWhole': {
    en: 'regexes match the whole value: %{value} contains a match of %{re}, so write %{fix} to match inside values',
    ko: '정규식은 값 전체에 맞춰 봐요: %{value} 안에 %{re}에 맞는 부분이 있으니, 값 중간을 찾으려면 %{fix}로 쓰세요',
  },
  'sel.comparedWhole': {
    en: '%{label} values are compared whole: %{value} starts with %{wanted}; write the full value, or %{fix}',
    ko: '%{label} 값은 전체가 비교돼요: %{value}는 %{wanted}로 시작해요; 값 전체를 쓰거나 %{fix}로 쓰세요',
  },
  'sel.looksLikeRegex': {
    en: '= compares literally; %{value} looks like a regex: write %{fix}',
    ko: '=는 글자 그대로 비교해요; %{value}는 정규식처럼 보이니 %{fix}로 쓰세요',
  },
  'sel.caseSensitive': { en: 'label values are case-sensitive', ko: '레이블 값은 대소문자를 구분해요' },
  'sel.caseSensitiveRegex': {
    en: 'label values are case-sensitive (prefix the regex with (?i) to ignore case)',
    ko: '레이블 값은 대소문자를 구분해요(무시하려면 정규식 앞에 (?i)를 붙이세요)',
  },
  'sel.noSampleNow': {
    en: 'series with %{what} exist, but none has a sample at this time (or in the 5 minutes before it)',
    ko: '%{what} 시계열은 있지만, 이 시각(또는 그 전 5분 안)에 샘플이 있는 시계열이 없어요',
  },
  'sel.didYouMean': { en: '; did you mean %{names}?', ko: '; 혹시 %{names}인가요?' },
  'sel.or': { en: ' or ', ko: ' 또는 ' },
  'sel.noMetric': { en: 'no metric is named `%{metric}`%{dym}', ko: '이름이 `%{metric}`인 메트릭이 없어요%{dym}' },
  'sel.noSeriesWith': { en: 'no series has %{what}', ko: '%{what}인 시계열이 없어요' },
  'sel.labelMissing': {
    en: 'none of the %{n} series has a label `%{label}`%{dym} (their labels: %{labels})',
    ko: '시계열 %{n}개 중 레이블 `%{label}`이(가) 있는 시계열이 없어요%{dym}(있는 레이블: %{labels})',
  },
  'sel.valuesAre': {
    en: 'no series has %{matcher}; %{label} values are %{values}%{all}',
    ko: '%{matcher}인 시계열이 없어요; %{label} 값은 %{values}%{all}',
  },
  'sel.inAll': { en: ' (%{n} in all)', ko: ' (모두 %{n}개)' },
  'sel.removedLast': {
    en: '%{matcher} removed the last %{n} series: every one has %{label} %{how}',
    ko: '%{matcher} 때문에 남은 시계열 %{n}개가 모두 빠졌어요: 모두 %{label} %{how}',
  },
  'sel.matching': { en: 'matching %{re}', ko: '%{re}에 맞아요' },
  'sel.firstStep': { en: '%{text}: %{n} series', ko: '%{text}: 시계열 %{n}개' },
  'sel.step': { en: '%{text}: %{n} left (removed %{removed})', ko: '%{text}: %{n}개 남음(%{removed}개 제외)' },
} as const;
