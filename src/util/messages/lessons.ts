// The judge's feedback (src/lessons/judge.ts, diff.ts, nodata.ts,
// query-shape.ts) and the tutorial's messages. Sentences address the learner
// (해요체 in Korean, as the Korean lessons do); PromQL stays PromQL.

export const LESSON_MESSAGES = {
  'judge.referenceFailed': {
    en: 'the expected query `%{query}` failed: %{message}',
    ko: '정답 쿼리 `%{query}` 실행에 실패했어요: %{message}',
  },
  'judge.notGeneral': {
    en: 'Right on this data, but not in general: with the same kind of incident on another service, instance or at another time, your query gives a different answer. Does it name the job, instance or time of the incident, or rely on a counter never resetting? Write it so it finds the incident wherever it happens.',
    ko: '이 데이터에서는 맞지만, 일반적으로는 아니에요: 같은 종류의 장애가 다른 서비스나 인스턴스, 다른 시각에 일어나면 다른 답이 나와요. 장애가 난 job, 인스턴스, 시각을 쿼리에 직접 적었거나, 카운터가 절대 리셋되지 않는다고 가정하지는 않았나요? 장애가 어디서 일어나든 찾아내도록 작성해 보세요.',
  },
  'judge.keptConstant': {
    en: 'Your result also keeps %{labels}, the same on every series: that is fine, it only labels the answer.',
    ko: '결과에 %{labels}도 남아 있는데, 모든 시계열에서 값이 같아요: 답에 이름표를 붙일 뿐이니 괜찮아요.',
  },
  'judge.noData': { en: 'Your query returns no data.', ko: '쿼리 결과가 비어 있어요.' },
  'judge.engineSays': { en: 'The engine says: %{note}', ko: '엔진 메시지: %{note}' },
  'judge.right': { en: 'Right: your results match the expected ones.', ko: '정답이에요: 결과가 기대한 결과와 같아요.' },
  // Result kinds
  'diff.kind.vector': { en: 'an instant vector', ko: '인스턴트 벡터' },
  'diff.kind.matrix': { en: 'a range vector', ko: '범위 벡터' },
  'diff.kind.scalar': { en: 'a scalar', ko: '스칼라' },
  'diff.kind.string': { en: 'a string', ko: '문자열' },
  'diff.kind': {
    en: 'Your query returns %{actual}; the task wants %{expected}.',
    ko: '쿼리 결과는 %{actual}인데, 문제는 %{expected}을(를) 원해요.',
  },
  'diff.kind.matrixForVector': {
    en: '%{base} A [5m]-style range selects raw samples; turn them into one value per series with a function such as rate() or max_over_time(), or drop the range.',
    ko: '%{base} [5m] 같은 범위는 원시 샘플을 골라요; rate()나 max_over_time() 같은 함수로 시계열마다 값 하나로 바꾸거나, 범위를 빼세요.',
  },
  'diff.kind.vectorForMatrix': {
    en: '%{base} Add a range such as [5m] to the selector.',
    ko: '%{base} 셀렉터에 [5m] 같은 범위를 붙이세요.',
  },
  'diff.kind.scalarForVector': {
    en: '%{base} Keep the labels: avoid scalar(), and aggregate with sum by (...) instead.',
    ko: '%{base} 레이블을 남겨야 해요: scalar()를 쓰지 말고 sum by (...)로 집계하세요.',
  },
  'diff.kind.vectorForScalar': {
    en: '%{base} Wrap it in scalar() or use a plain number.',
    ko: '%{base} scalar()로 감싸거나 숫자를 그대로 쓰세요.',
  },
  'diff.string': {
    en: 'Your string is "%{actual}", expected "%{expected}".',
    ko: '결과 문자열은 "%{actual}"이고, 기대한 값은 "%{expected}"예요.',
  },
  'diff.noData': {
    en: 'Your query returns no data at the times checked. Check the metric name and every label matcher.',
    ko: '확인한 시각들에서 쿼리 결과가 비어 있어요. 메트릭 이름과 레이블 매처를 하나씩 확인해 보세요.',
  },
  'diff.unexpectedData': {
    en: 'Your query returns %{series}, but the expected answer is empty.',
    ko: '쿼리가 %{series}를 돌려주지만, 기대한 답은 비어 있어요.',
  },
  'diff.seriesOne': { en: '%{n} series', ko: '시계열 %{n}개' },
  'diff.seriesMany': { en: '%{n} series', ko: '시계열 %{n}개' },
  'diff.keepsName': {
    en: 'Your result still carries the metric name: the expected values are computed (by a function, operator or aggregation), which drops it.',
    ko: '결과에 아직 메트릭 이름이 붙어 있어요: 기대한 값은 (함수, 연산자, 집계로) 계산한 값이라 메트릭 이름이 빠져요.',
  },
  'diff.extraLabelHistogram': {
    en: 'Your result keeps the %{labels} label — aggregate the buckets inside histogram_quantile and keep `le`: histogram_quantile(φ, sum by (%{keep}) (rate(..._bucket[5m]))).',
    ko: '결과에 %{labels} 레이블이 남아 있어요 — histogram_quantile 안에서 버킷을 집계하고 `le`는 남기세요: histogram_quantile(φ, sum by (%{keep}) (rate(..._bucket[5m]))).',
  },
  'diff.extraLabelsHistogram': {
    en: 'Your result keeps the %{labels} labels — aggregate the buckets inside histogram_quantile and keep `le`: histogram_quantile(φ, sum by (%{keep}) (rate(..._bucket[5m]))).',
    ko: '결과에 %{labels} 레이블이 남아 있어요 — histogram_quantile 안에서 버킷을 집계하고 `le`는 남기세요: histogram_quantile(φ, sum by (%{keep}) (rate(..._bucket[5m]))).',
  },
  'diff.extraLabel': {
    en: 'Your result keeps the %{labels} label — aggregate it away (e.g. %{how}).',
    ko: '결과에 %{labels} 레이블이 남아 있어요 — 집계해서 없애세요(예: %{how}).',
  },
  'diff.extraLabels': {
    en: 'Your result keeps the %{labels} labels — aggregate them away (e.g. %{how}).',
    ko: '결과에 %{labels} 레이블이 남아 있어요 — 집계해서 없애세요(예: %{how}).',
  },
  'diff.missingName': {
    en: 'The expected result keeps the metric name: select the series themselves rather than computing from them.',
    ko: '기대한 결과에는 메트릭 이름이 남아 있어요: 시계열로 계산하지 말고 시계열 자체를 고르세요.',
  },
  'diff.lostLabel': {
    en: 'Your result has lost the %{labels} label — keep it with by (%{names}) or without (...).',
    ko: '결과에서 %{labels} 레이블이 사라졌어요 — 남기려면 by (%{names}) 또는 without (...)을 쓰세요.',
  },
  'diff.lostLabels': {
    en: 'Your result has lost the %{labels} labels — keep them with by (%{names}) or without (...).',
    ko: '결과에서 %{labels} 레이블이 사라졌어요 — 남기려면 by (%{names}) 또는 without (...)을 쓰세요.',
  },
  'diff.dropAggregation': {
    en: 'If the task wants every series as it is, drop the aggregation.',
    ko: '문제가 시계열을 전부 그대로 원한다면 집계를 빼세요.',
  },
  'diff.count': { en: 'You have %{series}, expected %{n}.', ko: '결과는 %{series}이고, 기대한 개수는 %{n}개예요.' },
  'diff.andMore': { en: ', and %{n} more', ko: ', 외 %{n}개' },
  'diff.missing': { en: 'Missing: %{what}. Check your label matchers.', ko: '빠진 것: %{what}. 레이블 매처를 확인하세요.' },
  'diff.notExpected': { en: 'Not expected: %{what}. Narrow your label matchers.', ko: '필요 없는 것: %{what}. 레이블 매처를 더 좁히세요.' },
  'diff.yourQueryHas': { en: 'your query has', ko: '쿼리 결과에는' },
  'diff.taskWants': { en: 'the task wants', ko: '문제가 원하는 건' },
  'diff.moreValues': { en: ', and %{n} more values', ko: ', 외 값 %{n}개' },
  'diff.only': { en: '; %{who} only %{pairs}', ko: '; %{who} %{pairs}뿐이에요' },
  'diff.separated': { en: '%{series} with %{shown}%{only}', ko: '%{shown}인 %{series}%{only}' },
  'diff.valuesDiffer': {
    en: 'Your values differ: at %{time}, %{series} %{difference}.',
    ko: '값이 달라요. %{time}에 %{series}의 %{difference}.',
  },
  'diff.point.value': { en: 'is %{actual}, expected %{expected}', ko: '값은 %{actual}, 기대한 값은 %{expected}' },
  'diff.point.count': {
    en: 'is a histogram of count %{actual}, expected count %{expected}',
    ko: '히스토그램 count는 %{actual}, 기대한 count는 %{expected}',
  },
  'diff.point.sum': {
    en: 'is a histogram of sum %{actual}, expected sum %{expected}',
    ko: '히스토그램 sum은 %{actual}, 기대한 sum은 %{expected}',
  },
  'diff.point.bucket': {
    en: 'has %{actual} in bucket %{bucket}, expected %{expected}',
    ko: '버킷 %{bucket}의 값은 %{actual}, 기대한 값은 %{expected}',
  },
  'diff.histogramValue': {
    en: 'a native histogram (count %{count}, sum %{sum}, %{n} non-empty buckets)',
    ko: '네이티브 히스토그램(count %{count}, sum %{sum}, 비어 있지 않은 버킷 %{n}개)',
  },
  'diff.missingPoint': {
    en: 'Your query has no value for %{series} at %{time}, where the expected answer has one.',
    ko: '%{time}에 기대한 답에는 %{series} 값이 있는데, 쿼리 결과에는 없어요.',
  },
  'diff.extraPoint': {
    en: 'Your query has a value for %{series} at %{time}, where the expected answer has none.',
    ko: '%{time}에 기대한 답에는 %{series} 값이 없는데, 쿼리 결과에는 있어요.',
  },
  'diff.factor.60': {
    en: 'Your values are 60× the expected ones: the answer is per second (rate() is per second; increase() over [1m] is per minute).',
    ko: '값이 기대한 값의 60배예요: 답은 초당 값이에요(rate()는 초당, [1m] 구간의 increase()는 분당 값이에요).',
  },
  'diff.factor.1/60': {
    en: 'Your values are 1/60 of the expected ones: the answer is per minute, while rate() is per second (multiply by 60, or use increase(...[1m])).',
    ko: '값이 기대한 값의 1/60이에요: 답은 분당 값인데 rate()는 초당 값이에요(60을 곱하거나 increase(...[1m])를 쓰세요).',
  },
  'diff.factor.300': {
    en: 'Your values are 300× the expected ones: increase() over [5m] is rate() × 300 seconds; the answer is per second.',
    ko: '값이 기대한 값의 300배예요: [5m] 구간의 increase()는 rate() × 300초예요; 답은 초당 값이에요.',
  },
  'diff.factor.1/300': {
    en: 'Your values are 1/300 of the expected ones: the answer is the increase over 5 minutes, rate() is per second.',
    ko: '값이 기대한 값의 1/300이에요: 답은 5분 동안의 증가량이고, rate()는 초당 값이에요.',
  },
  'diff.factor.3600': {
    en: 'Your values are 3600× the expected ones: the answer is per second, not per hour.',
    ko: '값이 기대한 값의 3600배예요: 답은 시간당이 아니라 초당 값이에요.',
  },
  'diff.factor.100': {
    en: 'Your values are 100× the expected ones: the answer is a ratio between 0 and 1, not a percentage.',
    ko: '값이 기대한 값의 100배예요: 답은 백분율이 아니라 0과 1 사이의 비율이에요.',
  },
  'diff.factor.1/100': {
    en: 'Your values are 1/100 of the expected ones: the answer is a percentage (multiply the ratio by 100).',
    ko: '값이 기대한 값의 1/100이에요: 답은 백분율이에요(비율에 100을 곱하세요).',
  },
  'diff.factor.-1': {
    en: 'Your values have the opposite sign: swap the two sides of the subtraction.',
    ko: '값의 부호가 반대예요: 뺄셈의 양쪽을 바꾸세요.',
  },
  'diff.factor.times': { en: '%{k}×', ko: '%{k}배' },
  'diff.factor.fraction': { en: '1/%{k} of', ko: '1/%{k}' },
  'diff.factor.whyWhole': {
    en: ' (is something counted or summed once per instance or per series?)',
    ko: '(무언가를 인스턴스마다, 또는 시계열마다 한 번씩 세거나 더하고 있지 않나요?)',
  },
  'diff.factor.other': {
    en: 'Your values are consistently %{shown} the expected ones%{why}.',
    ko: '값이 일관되게 기대한 값의 %{shown} 수준이에요%{why}.',
  },
  // nodata.ts
  'nodata.regexNote': {
    en: 'a regular expression must match the whole value ("5.." matches 500 and 503, "5xx" only the text 5xx)',
    ko: '정규식은 값 전체와 맞아야 해요("5.."는 500과 503에 맞고, "5xx"는 글자 그대로 5xx에만 맞아요)',
  },
  'nodata.matchesNothing': { en: '`%{selector}` matches no series%{why}', ko: '`%{selector}`에 맞는 시계열이 없어요%{why}' },
  'nodata.operatorEmptied': {
    en: 'Every selector in your query finds series, yet the whole query returns nothing: a comparison or filter removes everything, or the two sides of an operator have no label set in common (compare their labels; on(...) or ignoring(...) says which to match on).',
    ko: '쿼리의 셀렉터는 모두 시계열을 찾는데, 쿼리 전체 결과는 비어 있어요: 비교나 필터가 전부 걸러냈거나, 연산자 양쪽에 공통된 레이블 세트가 없어요(양쪽 레이블을 비교해 보세요; on(...)이나 ignoring(...)으로 어떤 레이블로 맞출지 정해요).',
  },
  // query-shape.ts
  'shape.irateForRate': {
    en: 'irate() uses only the last two samples of the window; the task averages over the whole window: rate().',
    ko: 'irate()는 구간의 마지막 두 샘플만 써요; 문제는 구간 전체의 평균을 원해요: rate().',
  },
  'shape.rateForIrate': {
    en: 'rate() averages over the whole window; the task wants the last two samples only: irate().',
    ko: 'rate()는 구간 전체의 평균이에요; 문제는 마지막 두 샘플만 원해요: irate().',
  },
  'shape.deltaForIncrease': {
    en: 'delta() is for gauges: it does not handle counter resets. For a counter use increase().',
    ko: 'delta()는 게이지용이라 카운터 리셋을 처리하지 않아요. 카운터에는 increase()를 쓰세요.',
  },
  'shape.increaseForRate': {
    en: 'increase() counts over the window; rate() is per second.',
    ko: 'increase()는 구간 전체의 증가량이고, rate()는 초당 값이에요.',
  },
  'shape.rateForIncrease': {
    en: 'rate() is per second; increase() counts over the window.',
    ko: 'rate()는 초당 값이고, increase()는 구간 전체의 증가량이에요.',
  },
  'shape.avgForMax': {
    en: 'avg_over_time() averages the window; the task wants its largest value: max_over_time().',
    ko: 'avg_over_time()은 구간의 평균이에요; 문제는 가장 큰 값을 원해요: max_over_time().',
  },
  'shape.window': {
    en: 'Your window is [%{windows}]; check the time span the task asks for.',
    ko: '쿼리의 구간은 [%{windows}]이에요; 문제가 요구하는 시간 범위를 확인하세요.',
  },
  'shape.windows': {
    en: 'Your windows are [%{windows}]; check the time span the task asks for.',
    ko: '쿼리의 구간은 [%{windows}]이에요; 문제가 요구하는 시간 범위를 확인하세요.',
  },
  // The tutorial (src/lessons/tutorial.ts, exercise.ts, index.ts, view.ts, show.ts, prompter.ts)
  'tutorial.lessonTitle': { en: 'Lesson %{n}: %{title}', ko: '%{n}강: %{title}' },
  'tutorial.progressSaved': {
    en: 'Progress saved. Resume with: promlearn learn %{id}',
    ko: '진행 상황을 저장했어요. 이어서 하려면: promlearn learn %{id}',
  },
  'tutorial.lessonComplete': { en: 'Lesson complete', ko: '레슨 완료' },
  'tutorial.solved': { en: '%{solved}/%{total} exercises solved.', ko: '연습문제 %{total}개 중 %{solved}개를 풀었어요.' },
  'tutorial.step': { en: '── Step %{n}/%{total}: %{title} ──', ko: '── %{n}/%{total}단계: %{title} ──' },
  'tutorial.enterFinish': { en: 'Enter: finish the lesson', ko: 'Enter: 레슨 마치기' },
  'tutorial.enterNext': { en: 'Enter: next step', ko: 'Enter: 다음 단계' },
  'tutorial.runExample': { en: 'Enter to run it (or edit it first):', ko: 'Enter를 누르면 실행해요(먼저 고쳐도 돼요):' },
  'tutorial.playground': {
    en: '%{enter} · or type a query to run it %{view} (.at TIME, .range DUR) · .quit',
    ko: '%{enter} · 또는 쿼리를 입력하면 %{view} 실행해요(.at 시각, .range 기간) · .quit',
  },
  'tutorial.predict': { en: 'Predict', ko: '예측' },
  'tutorial.predictAsk': { en: 'Predict: %{question}', ko: '예측: %{question}' },
  'tutorial.theAnswer': { en: 'The answer: %{answer}.', ko: '정답: %{answer}.' },
  'tutorial.yes': { en: 'Yes.', ko: '맞아요.' },
  'tutorial.notQuite': { en: 'Not quite', ko: '아쉬워요' },
  'tutorial.answerIs': { en: '— the answer is %{answer}.', ko: '— 정답: %{answer}.' },
  'exercise.help': {
    en: '.hint climbs the hints · .answer shows one · .skip · .run QUERY looks without judging · .at TIME / .range DUR move where .run looks · .quit',
    ko: '.hint 힌트를 하나씩 · .answer 정답 보기 · .skip 건너뛰기 · .run 쿼리 채점 없이 결과만 보기 · .at 시각 / .range 기간 .run이 볼 위치 옮기기 · .quit',
  },
  'exercise.title': { en: 'Exercise', ko: '연습문제' },
  'exercise.judgedBy': { en: 'Your answer is judged by its results %{plan}.', ko: '답은 %{plan} 결과로 채점해요.' },
  'exercise.now': { en: '%{help} (now %{view}).', ko: '%{help} (지금은 %{view}).' },
  'exercise.yourAnswer': { en: 'Your answer:', ko: '답:' },
  'exercise.runNow': { en: '.run now looks %{view}.', ko: '이제 .run은 %{view} 결과를 보여줘요.' },
  'exercise.hint': { en: 'hint %{n}/%{total}: %{hint}', ko: '힌트 %{n}/%{total}: %{hint}' },
  'exercise.noMoreHints': { en: 'No more hints: .answer shows the answer.', ko: '힌트가 더 없어요: .answer로 정답을 볼 수 있어요.' },
  'exercise.oneAnswer': { en: 'One answer: %{answer}', ko: '정답 예: %{answer}' },
  'exercise.unknownCommand': { en: 'unknown command %{command}: %{help}', ko: '알 수 없는 명령 %{command}: %{help}' },
  'exercise.queryFor': { en: 'Your query for %{id}:', ko: '%{id}의 답 쿼리:' },
  'exercise.notYet': { en: 'Not yet. ', ko: '아직이에요. ' },
  'exercise.reference': { en: 'The reference answer: %{answer}', ko: '모범 답안: %{answer}' },
  'view.atError': {
    en: 'write the time relative to the end of the data: .at -4h45m (or .at 0 for the end)',
    ko: '데이터 끝에서부터의 상대 시각으로 쓰세요: .at -4h45m (끝은 .at 0)',
  },
  'view.rangeError': {
    en: 'write a duration: .range 30m draws the 30 minutes before the view time as a chart; .range off goes back to a table',
    ko: '기간을 쓰세요: .range 30m은 보는 시각 전 30분을 차트로 그리고, .range off는 표로 돌아가요',
  },
  'view.at': { en: 'at %{time}', ko: '%{time} 시점에' },
  'view.over': { en: 'over %{start}–%{end} (chart)', ko: '%{start}–%{end} 구간에서(차트)' },
  'view.planInstant': { en: 'at %{times}', ko: '%{times} 시점의' },
  'view.planRange': {
    en: 'over the whole dataset, %{start} to %{end}, every %{step} minutes',
    ko: '데이터 전체(%{start}부터 %{end}까지, %{step}분 간격)의',
  },
  'show.focus': {
    en: 'Showing the %{shown} of %{total} series with %{pairs}; run the query yourself to see them all.',
    ko: '시계열 %{total}개 중 %{pairs}인 %{shown}개만 보여줘요; 전부 보려면 쿼리를 직접 실행하세요.',
  },
  'show.adviceShowAll': { en: 'a label matcher or topk(10, ...)', ko: '레이블 매처나 topk(10, ...)' },
  'show.adviceCsv': { en: 'count(...) to count them', ko: '개수를 세려면 count(...)' },
  'lessons.resuming': {
    en: 'Resuming at step %{n}: %{title} (use --restart to start over).',
    ko: '%{n}단계부터 이어서 해요: %{title} (처음부터 하려면 --restart).',
  },
  'lessons.atStep': { en: ' · at step %{n}/%{total}', ko: ' · %{n}/%{total}단계' },
  'lessons.choose': {
    en: 'Choose a lesson (Enter continues where you left off):',
    ko: '레슨을 고르세요(Enter를 누르면 하던 곳부터 이어서 해요):',
  },
  'lessons.lastDone': { en: 'That was the last lesson. Well done!', ko: '마지막 레슨이었어요. 수고했어요!' },
  'lessons.continueWith': { en: 'Continue with lesson %{n}: %{title}?', ko: '%{n}강으로 넘어갈까요: %{title}?' },
  'lessons.yesLesson': { en: 'Yes, lesson %{n}', ko: '네, %{n}강' },
  'lessons.backToMenu': { en: 'Back to the lesson menu', ko: '레슨 목록으로' },
  'lessons.allFinished': {
    en: 'You have finished every lesson. `promlearn learn <n> --restart` walks one again.',
    ko: '모든 레슨을 마쳤어요. `promlearn learn <n> --restart`로 다시 볼 수 있어요.',
  },
  'lessons.noExercise': { en: 'lesson %{lesson} has no exercise "%{ref}"', ko: '%{lesson} 레슨에 "%{ref}" 연습문제가 없어요' },
  'lessons.exercises': { en: 'exercises: %{list}', ko: '연습문제: %{list}' },
  'lessons.startOrResume': { en: 'Start or resume: promlearn learn %{n}', ko: '시작하거나 이어서 하려면: promlearn learn %{n}' },
  'lessons.solvedCount': { en: '%{solved}/%{total} solved', ko: '연습문제 %{solved}/%{total}' },
  'lessons.next': { en: 'Next: promlearn learn %{n} (%{title})', ko: '다음: promlearn learn %{n} (%{title})' },
  'lessons.wasLast': { en: 'That was the last lesson.', ko: '마지막 레슨이었어요.' },
  'lessons.allDone': { en: 'All lessons done.', ko: '모든 레슨을 마쳤어요.' },
  // Alert exercises (src/lessons/alert-exercise.ts): the rule's firings against the reference's.
  'alert.intro': {
    en: 'Exercise (%{id}): %{task}\nWrite the rule as EXPR for DURATION (e.g. up == 0 for 5m); it is evaluated every 30s over the whole dataset.',
    ko: '연습문제 (%{id}): %{task}\n규칙은 EXPR for DURATION 형식으로 쓰세요(예: up == 0 for 5m). 데이터셋 전체에 걸쳐 30초마다 평가해요.',
  },
  'alert.ask': { en: 'Your alert rule (.hint, .answer, .skip):', ko: '알림 규칙 (.hint, .answer, .skip):' },
  'alert.writeAsFor': { en: '%{message}; write the rule as EXPR for 5m', ko: '%{message}. 규칙은 EXPR for 5m 형식으로 쓰세요' },
  'alert.neverFires': { en: 'never fires', ko: '한 번도 발생하지 않아요' },
  'alert.firstAt': { en: '%{labels} at %{time}', ko: '%{time}에 %{labels}' },
  'alert.firesOnce': { en: 'fires once: %{first}%{resolved}', ko: '한 번 발생해요: %{first}%{resolved}' },
  'alert.resolvedAt': { en: ', resolved at %{time}', ko: ', %{time}에 해소' },
  'alert.firesTimes': { en: 'fires %{n} times (the first: %{first})', ko: '%{n}번 발생해요(첫 번째: %{first})' },
  'alert.right': { en: 'Right: it %{what}.', ko: '정답이에요. 이 규칙은 %{what}.' },
  'alert.wrong': { en: 'Yours %{got}; the reference %{ref}.%{hint}', ko: '작성한 규칙은 %{got}. 모범 답안은 %{ref}.%{hint}' },
  'alert.tooOften': {
    en: ' It fires too often: a longer for: lets short blips pass.',
    ko: ' 너무 자주 발생해요: for:를 더 길게 잡으면 잠깐 튀는 값은 넘어가요.',
  },
  'alert.tooEarly': {
    en: ' It fires %{by} too early: hold it longer with for:.',
    ko: ' %{by} 일찍 발생해요: for:로 더 오래 기다리게 하세요.',
  },
  'alert.tooLate': { en: ' It fires %{by} too late.', ko: ' %{by} 늦게 발생해요.' },
  // Progress (src/lessons/progress.ts) and the course's files (load.ts, dataset.ts, index.ts)
  'progress.cannotRead': {
    en: 'cannot read %{file}: %{message}; starting without saved progress',
    ko: '%{file}을(를) 읽을 수 없어요: %{message}. 저장된 진행 상황 없이 시작해요',
  },
  'progress.damagedMoved': {
    en: 'your progress file %{file} was damaged; it was moved to %{backup} and progress starts afresh',
    ko: '진행 상황 파일 %{file}이(가) 손상돼서 %{backup}(으)로 옮겼어요. 진행 상황은 처음부터 다시 기록해요',
  },
  'progress.damagedStuck': {
    en: 'your progress file %{file} is damaged and could not be moved aside (%{message})',
    ko: '진행 상황 파일 %{file}이(가) 손상됐는데, 다른 곳으로 옮기지도 못했어요(%{message})',
  },
  'progress.cannotSave': { en: 'cannot save progress in %{dir}: %{reason}', ko: '%{dir}에 진행 상황을 저장할 수 없어요: %{reason}' },
  'progress.makeWritable': {
    en: 'make that directory writable, or choose another with PROMLEARN_STATE_DIR or XDG_STATE_HOME',
    ko: '그 디렉터리에 쓰기 권한을 주거나, PROMLEARN_STATE_DIR 또는 XDG_STATE_HOME으로 다른 디렉터리를 지정하세요',
  },
  'progress.notSaved': { en: '%{message} (progress not saved; %{hint})', ko: '%{message} (진행 상황을 저장하지 못했어요. %{hint})' },
  'lessons.cannotReadFolder': { en: 'cannot read the lessons folder %{dir}', ko: '레슨 폴더 %{dir}을(를) 읽을 수 없어요' },
  'lessons.setLessonsDir': {
    en: 'set PROMLEARN_LESSONS_DIR to a folder of lesson files',
    ko: 'PROMLEARN_LESSONS_DIR에 레슨 파일이 있는 폴더를 지정하세요',
  },
  'lessons.haveMistakes': { en: 'the lesson files have mistakes:\n%{problems}', ko: '레슨 파일에 잘못된 곳이 있어요:\n%{problems}' },
  'lessons.runValidate': {
    en: 'run `promlearn learn --validate` for details',
    ko: '자세한 내용은 `promlearn learn --validate`로 확인하세요',
  },
  'lessons.noLesson': { en: 'no lesson "%{ref}"', ko: '"%{ref}" 레슨이 없어요' },
  'lessons.lessonList': { en: 'lessons: %{list}', ko: '레슨: %{list}' },
  'lessons.recorded': {
    en: 'This lesson runs on a recorded session of the demo app, lessons/%{file}%{when}, not on the sample.',
    ko: '이 레슨은 샘플 데이터가 아니라 데모 앱을 기록한 세션 lessons/%{file}%{when}에서 실행돼요.',
  },
  'lessons.header': { en: 'Lessons', ko: '레슨' },
  'lessons.quit': { en: 'Quit', ko: '끝내기' },
  'prompter.navigate': { en: 'navigate', ko: '이동' },
  'prompter.select': { en: 'select', ko: '선택' },
  'prompter.endOfInput': { en: '(end of input)', ko: '(입력 끝)' },
  'prompter.chooseOne': { en: 'choose one of: %{choices}', ko: '다음 중 하나를 고르세요: %{choices}' },
  'prompter.cannotRead': {
    en: 'cannot read the answers file %{file}: %{message}',
    ko: '답안 파일 %{file}을(를) 읽을 수 없어요: %{message}',
  },
} as const;
