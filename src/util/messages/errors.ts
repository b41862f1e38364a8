// Hints under errors (src/promql/hints.ts) and the error display (src/render/error.ts).
// Prometheus's own error text is never here: it stays English, and in Korean a
// line beside it explains it (error.explain.*) when there is no hint.

export const ERROR_MESSAGES = {
  'hint.addRange': { en: 'add a range such as [5m]: %{arg}[5m]', ko: '[5m] 같은 범위를 붙이세요: %{arg}[5m]' },
  'hint.addRangeSubquery': {
    en: 'add a range such as [5m]; for an expression that is not a selector use a subquery: (%{arg})[5m:1m]',
    ko: '[5m] 같은 범위를 붙이세요; 셀렉터가 아닌 식에는 서브쿼리를 쓰세요: (%{arg})[5m:1m]',
  },
  'hint.wantsInstant': {
    en: 'this function takes an instant vector: drop the [range], or wrap the range in a *_over_time function or rate()',
    ko: '이 함수는 인스턴트 벡터를 받아요: [범위]를 빼거나, 범위를 *_over_time 함수나 rate()로 감싸세요',
  },
  'hint.aggWantsInstant': {
    en: 'aggregations take an instant vector: use rate(x[5m]) or sum_over_time(x[5m]) inside, not x[5m]',
    ko: '집계는 인스턴트 벡터를 받아요: 안에 x[5m] 대신 rate(x[5m])나 sum_over_time(x[5m])를 쓰세요',
  },
  'hint.rangeOnExpr': {
    en: 'to apply a range to an expression use a subquery, e.g. rate(sum(x)[5m:1m]) becomes sum(rate(x[5m])) or (expr)[5m:1m]',
    ko: '식에 범위를 적용하려면 서브쿼리를 쓰세요. 예: rate(sum(x)[5m:1m])는 sum(rate(x[5m])) 또는 (expr)[5m:1m]로',
  },
  'hint.didYouMean': { en: 'did you mean %{names}?', ko: '혹시 %{names}인가요?' },
  'hint.seeFunctions': {
    en: 'see `promlearn fmt --help` or the PromQL function list',
    ko: '`promlearn fmt --help`나 PromQL 함수 목록을 보세요',
  },
  'hint.experimentalFunction': {
    en: 'this is an experimental function: pass --experimental (Prometheus: --enable-feature=promql-experimental-functions)',
    ko: '실험적 함수예요: --experimental을 주세요(Prometheus: --enable-feature=promql-experimental-functions)',
  },
  'hint.experimental': {
    en: 'pass --experimental (Prometheus: --enable-feature=promql-experimental-functions)',
    ko: '--experimental을 주세요(Prometheus: --enable-feature=promql-experimental-functions)',
  },
  'hint.scalarBool': {
    en: 'write `1 > bool 0`: between scalars a comparison returns 0 or 1',
    ko: '`1 > bool 0`처럼 쓰세요: 스칼라끼리 비교하면 0이나 1을 돌려줘요',
  },
  'hint.unclosedParen': { en: 'a "(" is never closed: add ")"', ko: '"("가 닫히지 않았어요: ")"를 붙이세요' },
  'hint.extraParen': { en: 'there is one ")" too many', ko: '")"가 하나 더 많아요' },
  'hint.unclosedBracket': { en: 'a "[" is never closed: add "]"', ko: '"["가 닫히지 않았어요: "]"를 붙이세요' },
  'hint.unclosedBrace': { en: 'a "{" is never closed: add "}"', ko: '"{"가 닫히지 않았어요: "}"를 붙이세요' },
  'hint.emptyMatcher': {
    en: 'add a metric name or a matcher that cannot match an empty value, e.g. {job=~".+"}',
    ko: '메트릭 이름이나 빈 값에 맞지 않는 매처를 넣으세요. 예: {job=~".+"}',
  },
  'hint.setOperatorScalar': { en: 'and/or/unless work on instant vectors only', ko: 'and/or/unless는 인스턴트 벡터에만 쓸 수 있어요' },
  'hint.offsetPlace': {
    en: 'put offset right after the selector: sum(rate(x[5m] offset 1h))',
    ko: 'offset은 셀렉터 바로 뒤에 쓰세요: sum(rate(x[5m] offset 1h))',
  },
  'hint.atPlace': { en: 'put @ right after the selector: sum(x @ 1700000000)', ko: '@는 셀렉터 바로 뒤에 쓰세요: sum(x @ 1700000000)' },
  'hint.rangeBeforeOffset': { en: 'write the range first: x[5m] offset 1h', ko: '범위를 먼저 쓰세요: x[5m] offset 1h' },
  'hint.rangeBeforeAt': { en: 'write the range first: x[5m] @ 1700000000', ko: '범위를 먼저 쓰세요: x[5m] @ 1700000000' },
  'hint.durationSyntax': {
    en: 'durations are like 30s, 5m, 1h30m, 2d (units ms s m h d w y)',
    ko: '기간은 30s, 5m, 1h30m, 2d처럼 써요(단위 ms s m h d w y)',
  },
  'hint.durationOrder': {
    en: 'units go from large to small, each once: 1h30m, not 30m1h',
    ko: '단위는 큰 것부터 한 번씩 써요: 30m1h가 아니라 1h30m',
  },
  'hint.durationPositive': { en: 'ranges and steps must be positive, e.g. [5m]', ko: '범위와 간격은 양수여야 해요. 예: [5m]' },
  'hint.groupingOnFunction': {
    en: '%{kw} only applies to aggregations such as sum or avg, not to the function %{f}(): e.g. sum %{kw} (job) (%{f}(...))',
    ko: '%{kw}는 함수 %{f}()가 아니라 sum이나 avg 같은 집계에만 쓸 수 있어요. 예: sum %{kw} (job) (%{f}(...))',
  },
  'hint.groupingPlace': {
    en: 'by/without go right after the aggregation name or right after its closing parenthesis: sum by (job) (x)',
    ko: 'by/without은 집계 이름 바로 뒤나 닫는 괄호 바로 뒤에 써요: sum by (job) (x)',
  },
  'hint.aggParens': {
    en: 'aggregation arguments go in parentheses: sum(x), topk(5, x)',
    ko: '집계의 인자는 괄호 안에 써요: sum(x), topk(5, x)',
  },
  'hint.needOperator': {
    en: 'two expressions need an operator between them, e.g. a + b',
    ko: '두 식 사이에는 연산자가 필요해요. 예: a + b',
  },
  'hint.singleEquals': {
    en: 'use a single "=" between label and value: {job="api"}',
    ko: '레이블과 값 사이에는 "="를 하나만 쓰세요: {job="api"}',
  },
  'hint.quoteValues': { en: 'label values are quoted strings: {job="api"}', ko: '레이블 값은 따옴표로 감싼 문자열이에요: {job="api"}' },
  'hint.matcherForms': {
    en: 'matchers are label="value", label!="value", label=~"regex" or label!~"regex"',
    ko: '매처는 label="value", label!="value", label=~"regex", label!~"regex" 중 하나예요',
  },
  'hint.aggParam': {
    en: 'this aggregation takes a parameter first, e.g. topk(5, x), quantile(0.9, x)',
    ko: '이 집계는 파라미터를 먼저 받아요. 예: topk(5, x), quantile(0.9, x)',
  },
  'hint.aggOneArg': {
    en: 'this aggregation takes one expression; functions with more arguments are not aggregations',
    ko: '이 집계는 식 하나만 받아요; 인자를 더 받는 건 집계가 아니라 함수예요',
  },
  'hint.countValuesLabel': {
    en: 'count_values takes a label name first: count_values("value", x)',
    ko: 'count_values는 레이블 이름을 먼저 받아요: count_values("value", x)',
  },
  'hint.groupModifiers': {
    en: 'use on(...)/ignoring(...) with group_left or group_right',
    ko: 'on(...)/ignoring(...)과 group_left 또는 group_right를 함께 쓰세요',
  },
  'hint.noGrouping': {
    en: 'group_left/group_right only apply to arithmetic and comparison operators',
    ko: 'group_left/group_right는 산술 연산자와 비교 연산자에만 쓸 수 있어요',
  },
  'hint.boolOnlyCompare': {
    en: 'drop "bool": it only applies to ==, !=, >, <, >=, <=',
    ko: '"bool"을 빼세요: ==, !=, >, <, >=, <=에만 쓸 수 있어요',
  },
  'hint.subqueryInstant': {
    en: 'a subquery [range:step] needs an instant-vector expression inside',
    ko: '서브쿼리 [범위:간격] 안에는 인스턴트 벡터 식이 와야 해요',
  },
  'hint.endsEarly': {
    en: 'the query ends too early: an operand or a closing token is missing',
    ko: '쿼리가 너무 일찍 끝났어요: 피연산자나 닫는 기호가 빠졌어요',
  },
  'hint.aggNeedsParens': { en: 'an aggregation needs parentheses: sum(x)', ko: '집계에는 괄호가 필요해요: sum(x)' },
  'hint.keyword': {
    en: '"%{kw}" is a keyword: it goes right after a binary operator (a * on(job) group_left b); to select a metric with that name write {__name__="%{kw}"}',
    ko: '"%{kw}"는 키워드라 이항 연산자 바로 뒤에 써요(a * on(job) group_left b); 이 이름의 메트릭을 고르려면 {__name__="%{kw}"}로 쓰세요',
  },
  'hint.manyToMany': {
    en: 'restrict the match with on(...) or ignoring(...) so each series pairs with one on the other side, or aggregate that side first, e.g. sum by (job) (...)',
    ko: 'on(...)이나 ignoring(...)으로 매칭을 좁혀서 시계열마다 반대쪽 짝이 하나가 되게 하거나, 그쪽을 먼저 집계하세요. 예: sum by (job) (...)',
  },
  'hint.duplicateSeries': {
    en: 'for many-to-one matching add group_left(...) / group_right(...), or match on fewer labels with on(...)',
    ko: '다대일 매칭이면 group_left(...) / group_right(...)를 붙이거나, on(...)으로 더 적은 레이블로 매칭하세요',
  },
  'hint.sameLabelset': {
    en: 'the result would have duplicate series: keep a distinguishing label (e.g. sum by (...) or label_replace)',
    ko: '결과에 중복 시계열이 생겨요: 구별되는 레이블을 남기세요(예: sum by (...)나 label_replace)',
  },
  'hint.tooManySamples': {
    en: 'narrow the query: fewer series (more label matchers) or a shorter range',
    ko: '쿼리를 좁히세요: 시계열을 줄이거나(레이블 매처 추가) 범위를 짧게',
  },
  'error.label': { en: 'error: %{message}', ko: '오류: %{message}' },
  'error.hint': { en: 'hint: %{hint}', ko: '힌트: %{hint}' },
  'error.internal': { en: 'internal error:', ko: '내부 오류:' },
  'error.bug': {
    en: 'This is a bug in promlearn; please report it with the command you ran.',
    ko: 'promlearn의 버그예요; 실행한 명령과 함께 알려 주세요.',
  },
  'error.explain.bad_data': {
    en: 'Prometheus could not read this query (the message above is its own, in English); fix the part the caret points at.',
    ko: 'Prometheus가 이 쿼리를 해석하지 못했어요(위 메시지는 Prometheus 원문이에요); 캐럿(^)이 가리키는 부분을 고치세요.',
  },
  'error.explain.execution': {
    en: "The query is valid but failed while running (the message above is Prometheus's own, in English).",
    ko: '쿼리 문법은 맞지만 실행 중에 실패했어요(위 메시지는 Prometheus 원문이에요).',
  },
  'error.explain.timeout': {
    en: 'The query took longer than the time limit; narrow it or raise --timeout.',
    ko: '쿼리가 제한 시간을 넘겼어요; 쿼리를 좁히거나 --timeout을 늘리세요.',
  },
  'error.explain.canceled': { en: 'The query was cancelled.', ko: '쿼리가 취소됐어요.' },
  'error.explain.unavailable': {
    en: 'The server could not be reached or is not ready.',
    ko: '서버에 연결할 수 없거나 서버가 아직 준비되지 않았어요.',
  },
  'error.explain.internal': { en: 'The server reported an internal error.', ko: '서버가 내부 오류를 보고했어요.' },
  'error.explain.too_many_samples': {
    en: 'The query needed more samples in memory than the limit allows; narrow it.',
    ko: '쿼리가 메모리 한도보다 많은 샘플을 필요로 했어요; 쿼리를 좁히세요.',
  },
  'error.explain.auth': {
    en: 'The server refused the credentials (check --user, --bearer-token or the headers).',
    ko: '서버가 인증 정보를 거부했어요(--user, --bearer-token, 헤더를 확인하세요).',
  },
  'error.explain.not_found': {
    en: 'The server has no such endpoint: is the URL a Prometheus server?',
    ko: '서버에 해당 엔드포인트가 없어요: URL이 Prometheus 서버가 맞나요?',
  },
  'error.explain.bad_response': {
    en: "The server's answer is not what the Prometheus HTTP API returns.",
    ko: '서버의 응답이 Prometheus HTTP API 형식이 아니에요.',
  },
  // Commander's error messages (src/cli/help-text.ts translates them by their code; English is commander's own text).
  'commander.unknownOption': { en: "unknown option '%{flag}'", ko: "알 수 없는 옵션이에요: '%{flag}'" },
  'commander.unknownCommand': { en: "unknown command '%{name}'", ko: "알 수 없는 명령이에요: '%{name}'" },
  'commander.didYouMean': { en: '(Did you mean %{names}?)', ko: '(혹시 %{names}인가요?)' },
  'commander.didYouMeanOneOf': { en: '(Did you mean one of %{names}?)', ko: '(혹시 %{names} 중 하나인가요?)' },
  'commander.missingArgument': { en: "missing required argument '%{name}'", ko: "꼭 필요한 인자가 빠졌어요: '%{name}'" },
  'commander.optionMissingArgument': { en: "option '%{flags}' argument missing", ko: "옵션 '%{flags}'에 값이 빠졌어요" },
  'commander.missingMandatoryOption': { en: "required option '%{flags}' not specified", ko: "꼭 필요한 옵션이 빠졌어요: '%{flags}'" },
  'commander.excessArguments': {
    en: 'too many arguments. Expected %{expected} argument(s) but got %{got}.',
    ko: '인자가 너무 많아요. %{expected}개를 받는데 %{got}개를 줬어요.',
  },
  'commander.excessArgumentsFor': {
    en: "too many arguments for '%{command}'. Expected %{expected} argument(s) but got %{got}.",
    ko: "'%{command}'에 인자가 너무 많아요. %{expected}개를 받는데 %{got}개를 줬어요.",
  },
  'commander.conflictingOption': { en: '%{a} cannot be used with %{b}', ko: '함께 쓸 수 없어요: %{a}, %{b}' },
  'commander.option': { en: "option '%{flags}'", ko: "옵션 '%{flags}'" },
  'commander.envVariable': { en: "environment variable '%{name}'", ko: "환경 변수 '%{name}'" },
  'commander.invalidOptionValue': {
    en: "option '%{flags}' argument '%{value}' is invalid.",
    ko: "옵션 '%{flags}'에 쓸 수 없는 값이에요: '%{value}'.",
  },
  'commander.invalidEnvValue': {
    en: "option '%{flags}' value '%{value}' from env '%{env}' is invalid.",
    ko: "옵션 '%{flags}'에 쓸 수 없는 값이에요: 환경 변수 %{env}의 '%{value}'.",
  },
  'commander.invalidArgumentValue': {
    en: "command-argument value '%{value}' is invalid for argument '%{name}'.",
    ko: "인자 '%{name}'에 쓸 수 없는 값이에요: '%{value}'.",
  },
  'commander.allowedChoices': { en: 'Allowed choices are %{choices}.', ko: '가능한 값: %{choices}.' },
  // Usage errors of the commands (src/cli/): exit 2, shown as "error: ..." and "hint: ...".
  'usage.eg': { en: 'e.g. %{example}', ko: '예: %{example}' },
  'usage.invalidFlag': { en: 'invalid %{flag} "%{value}"', ko: '잘못된 %{flag} 값 "%{value}"' },
  'usage.invalidFlagDetail': { en: 'invalid %{flag} "%{value}": %{detail}', ko: '잘못된 %{flag} 값 "%{value}": %{detail}' },
  'usage.wholeNumber': {
    en: 'invalid %{flag} "%{value}": expected a whole number',
    ko: '잘못된 %{flag} 값 "%{value}": 0 이상의 정수를 쓰세요',
  },
  'usage.wholeNumberAtLeast': {
    en: 'invalid %{flag} "%{value}": expected a whole number of at least %{min}',
    ko: '잘못된 %{flag} 값 "%{value}": %{min} 이상의 정수를 쓰세요',
  },
  'usage.nameValue': {
    en: 'invalid %{flag} "%{value}": expected name=value',
    ko: '잘못된 %{flag} 값 "%{value}": name=value 형식으로 쓰세요',
  },
  'usage.maxSamples': {
    en: 'expected a whole number of samples above 0, e.g. 1000000',
    ko: '0보다 큰 정수(샘플 수)를 쓰세요. 예: 1000000',
  },
  'usage.longerThanZero': { en: 'must be longer than 0', ko: '0보다 길어야 해요' },
  'usage.rangeAllThree': {
    en: '--start, --end and --range cannot all be given',
    ko: '--start, --end, --range를 한꺼번에 다 줄 수는 없어요',
  },
  'usage.rangeAllThree.hint': {
    en: 'give two of them, e.g. --start -2h --end -1h, or --range 1h',
    ko: '둘만 주세요. 예: --start -2h --end -1h, 또는 --range 1h',
  },
  'usage.rangeNegative': {
    en: 'invalid range "%{range}": --range is a length, not a time',
    ko: '잘못된 범위 "%{range}": --range는 시각이 아니라 길이예요',
  },
  'usage.rangeNegative.hint': {
    en: 'use --range %{length} (ending now), or --start %{start}',
    ko: '이렇게 쓰세요: --range %{length}(지금에서 끝나는 범위), 또는 --start %{start}',
  },
  'usage.rangeZero': { en: 'invalid range "%{range}": it must be longer than 0', ko: '잘못된 범위 "%{range}": 0보다 길어야 해요' },
  'usage.stepZero': { en: 'invalid step "%{step}": it must be longer than 0', ko: '잘못된 스텝 "%{step}": 0보다 길어야 해요' },
  'usage.startAfterEnd': { en: 'the start time is after the end time', ko: '시작 시각이 끝 시각보다 뒤예요' },
  'usage.startAfterEnd.hint': {
    en: 'swap --start and --end, or use --range',
    ko: '--start와 --end를 맞바꾸거나 --range를 쓰세요',
  },
  'usage.swapStartEnd': { en: 'swap --start and --end', ko: '--start와 --end를 맞바꾸세요' },
  'usage.startAfterEndFlags': { en: '--start is after --end', ko: '--start가 --end보다 뒤예요' },
  'usage.startAfterEndFlags.hint': {
    en: 'swap them, e.g. --start -2h --end -1h',
    ko: '둘을 맞바꾸세요. 예: --start -2h --end -1h',
  },
  'usage.tooManyPoints': {
    en: 'the range would have %{points} points per series; Prometheus allows at most %{max}',
    ko: '이 범위면 시계열마다 점이 %{points}개 생겨요. Prometheus는 최대 %{max}개까지만 허용해요',
  },
  'usage.tooManyPoints.hint': {
    en: 'use a larger step, e.g. --step %{step}',
    ko: '더 큰 스텝을 쓰세요. 예: --step %{step}',
  },
  'usage.emptyExpression': { en: 'empty expression', ko: '식이 비어 있어요' },
  'usage.giveQuery': {
    en: "give a query, e.g. promlearn %{command} '%{example}'",
    ko: "쿼리를 주세요. 예: promlearn %{command} '%{example}'",
  },
  'usage.invalidFilter': { en: 'invalid filter "%{filter}": %{detail}', ko: '잘못된 필터 "%{filter}": %{detail}' },
  'usage.invalidFilter.hint': {
    en: "use a substring such as http_ or a regex such as '^node_.*_total$'",
    ko: "http_ 같은 부분 문자열이나 '^node_.*_total$' 같은 정규식을 쓰세요",
  },
  'usage.emptyLabelName': { en: 'the label name is empty', ko: '레이블 이름이 비어 있어요' },
  'usage.emptyLabelName.hint': { en: 'e.g. promlearn labels job', ko: '예: promlearn labels job' },
  'usage.datasetNotServer': {
    en: 'dataset %{what} is about the bundled sample dataset (or a --dataset file); it does not apply to a Prometheus server',
    ko: 'dataset %{what} 명령은 번들된 샘플 데이터셋(또는 --dataset 파일)을 다뤄요. Prometheus 서버에는 쓸 수 없어요',
  },
  'usage.datasetNotServer.hint': {
    en: 'for a server, try promlearn status, promlearn metrics or promlearn labels with --server (unset PROMETHEUS_URL to use the sample)',
    ko: '서버라면 --server와 함께 promlearn status, promlearn metrics, promlearn labels를 써 보세요(샘플을 쓰려면 PROMETHEUS_URL을 지우세요)',
  },
  'usage.exportFormat': {
    en: 'invalid --output "%{output}": expected openmetrics or text',
    ko: '잘못된 --output 값 "%{output}": openmetrics나 text를 쓰세요',
  },
  'usage.exportFormat.file': {
    en: '-o is the format, as in every command; name the file without it: promlearn dataset export %{output}',
    ko: '-o는 다른 명령에서처럼 형식이에요. 파일 이름은 -o 없이 주세요: promlearn dataset export %{output}',
  },
  'usage.cannotWrite': { en: 'cannot write %{file}: %{detail}', ko: '파일에 쓸 수 없어요: %{file}: %{detail}' },
  'usage.cannotWrite.hint': {
    en: 'check the directory exists and is writable',
    ko: '디렉터리가 있는지, 쓰기 권한이 있는지 확인하세요',
  },
  'usage.cannotRead': { en: 'cannot read %{file}: %{detail}', ko: '파일을 읽을 수 없어요: %{file}: %{detail}' },
  'usage.noSuchFile': { en: 'no such file', ko: '파일이 없어요' },
  'usage.alertmanagerConfig.hint': { en: 'pass your alertmanager.yml with --config', ko: 'alertmanager.yml을 --config로 주세요' },
  'usage.exportUnknown': { en: 'unknown export format "%{format}"', ko: '알 수 없는 내보내기 형식 "%{format}"' },
  'usage.exportUnknown.hint': { en: 'use --export json', ko: '--export json을 쓰세요' },
  'usage.errorsShare.hint': {
    en: 'give a share of requests, e.g. --errors 5% or --errors 0.05',
    ko: '요청 비율을 주세요. 예: --errors 5% 또는 --errors 0.05',
  },
  'usage.port.hint': {
    en: 'give a port number from 0 to 65535, e.g. --port 8080',
    ko: '0부터 65535까지의 포트 번호를 주세요. 예: --port 8080',
  },
  'usage.rps.hint': { en: 'give requests per second, e.g. --rps 10', ko: '초당 요청 수를 주세요. 예: --rps 10' },
  'usage.slowRoute': { en: 'unknown route "%{route}" for --slow', ko: '--slow에 준 라우트를 몰라요: "%{route}"' },
  'usage.slowRoute.hint': { en: 'routes: %{routes}', ko: '라우트: %{routes}' },
  'usage.compareTimes': {
    en: 'with range flags, give at most one --time (the range end)',
    ko: '범위 플래그와 함께면 --time은 하나(범위의 끝)만 주세요',
  },
  'usage.rulesScrape': { en: '--rules and --scrape cannot be used together', ko: '--rules와 --scrape는 함께 쓸 수 없어요' },
  'usage.rulesScrape.hint': {
    en: 'evaluate rules over the sample or a --dataset file',
    ko: '규칙은 샘플이나 --dataset 파일에 대해 평가하세요',
  },
  'usage.rulePath.hint': { en: 'check the path of the rule file', ko: '규칙 파일의 경로를 확인하세요' },
  'usage.externalLabel.hint': {
    en: 'use name=value, e.g. --external-label cluster=eu1',
    ko: 'name=value 형식으로 쓰세요. 예: --external-label cluster=eu1',
  },
  'usage.rulesServer': {
    en: '--rules cannot be used with --server: promlearn cannot write recorded series to a Prometheus server',
    ko: '--rules는 --server와 함께 쓸 수 없어요: promlearn은 Prometheus 서버에 규칙이 기록한 시계열을 쓸 수 없어요',
  },
  'usage.rulesServer.hint': {
    en: 'drop --server to query the rules over the sample (or a --dataset file), or load the rules into your Prometheus',
    ko: '--server를 빼고 샘플(또는 --dataset 파일)에서 규칙을 쿼리하거나, 규칙을 여러분의 Prometheus에 올리세요',
  },
  'usage.noTestFiles': { en: 'no test files given', ko: '테스트 파일을 주지 않았어요' },
  'usage.noTestFiles.hint': { en: 'promlearn rules test tests.yml', ko: '예: promlearn rules test tests.yml' },
  'usage.seriesNeedsSamples': {
    en: '--series chooses the series of the --samples walk-through',
    ko: '--series는 --samples 설명에 쓸 시계열을 고르는 옵션이에요',
  },
  'usage.seriesNeedsSamples.hint': { en: 'add --samples', ko: '--samples를 붙이세요' },
  'usage.bucketsInstant': {
    en: '--buckets draws the histograms of one instant',
    ko: '--buckets는 한 시각의 히스토그램을 그려요',
  },
  'usage.bucketsInstant.hint': {
    en: 'drop --range/--start/--step, or chart histogram_quantile(...) over the range',
    ko: '--range/--start/--step을 빼거나, 범위에서는 histogram_quantile(...)을 차트로 그리세요',
  },
  'usage.endNeedsRange': { en: '--end needs --range or --start', ko: '--end는 --range나 --start와 함께 써야 해요' },
  'usage.endNeedsRange.hint': {
    en: 'for one instant use --time; for a chart add --range 1h',
    ko: '한 시각이면 --time을 쓰고, 차트를 그리려면 --range 1h를 붙이세요',
  },
  'usage.legendCount': {
    en: '%{legends} --legend formats for %{exprs} expressions',
    ko: '식은 %{exprs}개인데 --legend 형식은 %{legends}개예요',
  },
  'usage.legendCount.hint': {
    en: "give one --legend for all expressions, or one per expression in their order ('' for the automatic legend)",
    ko: "--legend를 모든 식에 하나만 주거나, 식마다 순서대로 하나씩 주세요(자동 범례는 '')",
  },
  'usage.nothingToScrape': { en: 'nothing to scrape', ko: '스크레이프할 대상이 없어요' },
  'usage.nothingToScrape.hint': {
    en: 'give one or more URLs, e.g. http://127.0.0.1:8080/metrics, or --config prometheus.yml',
    ko: 'URL을 하나 이상(예: http://127.0.0.1:8080/metrics) 주거나 --config prometheus.yml을 주세요',
  },
  'usage.serveLiveAndDataset': {
    en: '--scrape/--config and --dataset/--server cannot be used together',
    ko: '--scrape/--config와 --dataset/--server는 함께 쓸 수 없어요',
  },
  'usage.serveLiveAndDataset.hint': {
    en: 'serve either a live scraped store or a dataset',
    ko: '라이브 저장소와 데이터셋 중 하나만 제공하세요',
  },
  'usage.shiftToNow': {
    en: '--shift-to-now needs a fixed dataset (the sample or --dataset)',
    ko: '--shift-to-now에는 고정된 데이터셋(샘플이나 --dataset)이 필요해요',
  },
  'usage.shiftToNow.hint': {
    en: 'a live store or a server is already at now',
    ko: '라이브 저장소나 서버는 이미 현재 시각의 데이터예요',
  },
  // The time and duration parsers of src/util/time.ts (flags, and the REPL's .at/.range/.tz).
  'usage.invalidDuration': { en: 'invalid duration "%{value}"', ko: '잘못된 기간 "%{value}"' },
  'usage.invalidDuration.hint': {
    en: 'use a duration e.g. 1h30m, 5m, 500ms, 1d or plain seconds such as 60',
    ko: '기간을 쓰세요. 예: 1h30m, 5m, 500ms, 1d, 또는 60 같은 초 단위 숫자',
  },
  'usage.timeout.hint': { en: 'use a duration such as 30s, 2m or 1m30s', ko: '30s, 2m, 1m30s 같은 기간을 쓰세요' },
  'usage.invalidTime': { en: 'invalid time "%{value}"', ko: '잘못된 시각 "%{value}"' },
  'usage.invalidTime.hint': {
    en: 'use e.g. 2026-01-15T11:00:00Z, 2026-01-15 20:00 (in the --tz zone), 1768474800, now, -1h or now-30m',
    ko: '이렇게 쓰세요. 예: 2026-01-15T11:00:00Z, 2026-01-15 20:00(--tz 시간대 기준), 1768474800, now, -1h, now-30m',
  },
  'usage.unknownZone': { en: '%{what}: unknown time zone "%{name}"', ko: '%{what}: 알 수 없는 시간대 "%{name}"' },
  'usage.unknownZone.hint': {
    en: 'use an IANA zone name such as Asia/Seoul, Europe/Berlin, America/New_York or UTC',
    ko: 'Asia/Seoul, Europe/Berlin, America/New_York, UTC 같은 IANA 시간대 이름을 쓰세요',
  },
} as const;
