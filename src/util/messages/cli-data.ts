// Command help (src/cli/) of the commands that look at data: range, fmt,
// metrics, series, labels, status and dataset. Example lines (`  $ promlearn
// ...`) are the same in both languages; only their `# comments` differ.

// `range --help`'s examples: PromQL and flags, the same in every language.
const RANGE_EXAMPLES = `  $ promlearn range 'sum by (status_code) (rate(http_requests_total[5m]))' --range 6h
  $ promlearn range 'sum by (route, status_code) (rate(http_requests_total{job="api"}[5m]))' \\
      --legend '{{route}} {{status_code}}'
  $ promlearn range 'sum(rate(http_requests_total{status_code=~"5.."}[5m]))' \\
      'sum(rate(http_requests_total[5m]))' --range 6h
  $ promlearn range --range 6h --when \\
      'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 0.5'
  $ promlearn range --when 'sum by (route) (rate(http_requests_total{status_code=~"5.."}[5m])) > 0.2' --range 6h
  $ promlearn range --when 'up == 0' --range 6h -o csv
  $ promlearn range 'nodejs_heap_size_used_bytes{instance="frontend-1:3000"}' --start -3h --end -1h --step 1m
  $ promlearn range 'up{job="api"}' --start 2026-01-15T10:00:00Z --range 30m -o csv > up.csv
`;

export const CLI_DATA_MESSAGES = {
  'cli.range.description': {
    en: 'run PromQL over a time range: draw a chart, or list --when a condition held',
    ko: '시간 범위에 걸쳐 PromQL을 실행해요: 차트를 그리거나, --when으로 조건이 성립한 구간을 나열해요',
  },
  'cli.range.expr': {
    en: 'PromQL expressions (quote each for your shell); several are drawn in one chart',
    ko: 'PromQL 식(셸에 맞게 각각 따옴표로 감싸세요); 여러 개면 한 차트에 그려요',
  },
  'cli.range.time': { en: 'same as --end', ko: '--end와 같아요' },
  'cli.range.legend': {
    en: "name series with Grafana's legend format, e.g. '{{route}} {{status_code}}'; once for all expressions, or once per expression",
    ko: "Grafana의 범례 형식으로 시계열 이름을 붙여요. 예: '{{route}} {{status_code}}'; 모든 식에 한 번, 또는 식마다 한 번씩",
  },
  'cli.range.when': {
    en: 'list the time intervals in which each series returned data (use a filter such as `> 0.5`)',
    ko: '필터(예: `> 0.5`)를 붙인 식에서, 시계열마다 데이터가 나온 시간 구간을 나열해요',
  },
  'cli.range.rangeDefault': { en: 'default 1h', ko: '기본값 1h' },
  'cli.range.help': {
    en: `
Examples:
${RANGE_EXAMPLES}
The chart: each column averages the steps it covers; missing points are gaps,
not zeros. It shows the top series by last value (--limit, default 8; with
several expressions, each expression's top series in turn). Labels with the
same value in every series are printed once above the chart; the legend names
each series by the labels in which the series differ, as PromQL text
({route="/cart", status_code="500"}), and lists min, max, mean and last in
columns (as many as fit; always last). A series with no points in the last
steps says when it ended ("ended 07:12").

Several expressions: series are tagged #1, #2 in the order given, and listed
with their expressions. JSON is then an array with one element per expression,
{"expr": ..., "resultType": "matrix", "result": [...]}; CSV gets a first column
"expr". With one expression, JSON is the "data" object of /api/v1/query_range
and CSV has one row per sample.

--legend: Grafana's template syntax: {{label}} is replaced by the series' value
of that label (nothing for a label it lacks), other text is kept. One --legend
applies to every expression; several are taken one per expression, in order
('' keeps the automatic legend for that one). The chart only: JSON and CSV keep
the labels.

--when: the expression is a filter (\`x > 0.5\`, \`up == 0\`); for each series,
the intervals of consecutive steps at which it returned data: START (the first
such step), END (the first step without data), DURATION, MAX (the largest
value in the interval). "+" marks an interval that ran at the range's first or
last step, so it may be longer. JSON: {"expr", "start", "end", "step",
"series": [{"metric", "intervals": [{"start", "end", "duration", "max",
"openStart", "openEnd"}]}]} (unix seconds; an array of these for several
expressions); CSV: one row per interval.

Times are UTC. Relative times (-2h) count back from the end of the sample
data, or from now with --server. Exit codes: 0 ok, 1 query error, 2 usage
error.`,
    ko: `
예:
${RANGE_EXAMPLES}
차트: 각 열은 그 열에 들어가는 스텝들의 평균이고, 값이 없는 점은 0이 아니라
빈칸으로 남아요. 마지막 값이 큰 시계열부터 보여줘요(--limit, 기본값 8; 식이
여러 개면 식마다 상위 시계열을 번갈아). 모든 시계열에서 값이 같은 레이블은
차트 위에 한 번만 적고, 범례는 시계열끼리 다른 레이블로 각 시계열을 PromQL
형식({route="/cart", status_code="500"})으로 부르며 min, max, mean, last를
열로 보여줘요(들어가는 만큼; last는 항상). 마지막 스텝들에 점이 없는 시계열은
언제 끝났는지 함께 보여줘요.

식이 여러 개일 때: 시계열에 준 순서대로 #1, #2 표시를 붙이고 식과 함께
나열해요. JSON은 식마다 원소 하나인 배열
{"expr": ..., "resultType": "matrix", "result": [...]}이고, CSV에는 첫 열
"expr"가 붙어요. 식이 하나면 JSON은 /api/v1/query_range 응답의 "data" 객체,
CSV는 샘플마다 한 행이에요.

--legend: Grafana의 템플릿 문법이에요. {{label}}은 그 시계열의 해당 레이블
값으로 바뀌고(레이블이 없으면 빈 문자열), 나머지 글자는 그대로예요. --legend를
하나 주면 모든 식에 쓰고, 여러 개 주면 식마다 순서대로 하나씩 써요(''는 그
식에 자동 범례를 써요). 차트에만 적용돼요: JSON과 CSV는 레이블을 그대로 둬요.

--when: 식은 필터예요(\`x > 0.5\`, \`up == 0\`). 시계열마다 데이터가 나온 연속
스텝의 구간을 보여줘요: START(그런 첫 스텝), END(데이터가 없는 첫 스텝),
DURATION, MAX(구간 안의 가장 큰 값). "+"는 범위의 첫 스텝이나 마지막 스텝에
걸친 구간이라 실제로는 더 길 수 있다는 표시예요. JSON: {"expr", "start",
"end", "step", "series": [{"metric", "intervals": [{"start", "end",
"duration", "max", "openStart", "openEnd"}]}]}(유닉스 초; 식이 여러 개면 이것의
배열). CSV: 구간마다 한 행.

시각은 UTC예요. 상대 시각(-2h)은 샘플 데이터의 끝에서, --server면 현재에서
거슬러 세요. 종료 코드: 0 성공, 1 쿼리 오류, 2 사용법 오류.`,
  },

  'cli.fmt.description': {
    en: 'check a PromQL expression and print it in canonical form (or as a typed syntax tree)',
    ko: 'PromQL 식을 검사하고 표준 형식으로(또는 타입이 붙은 구문 트리로) 출력해요',
  },
  'cli.fmt.expr': { en: 'the PromQL expression (quote it for the shell)', ko: 'PromQL 식(셸에 맞게 따옴표로 감싸세요)' },
  'cli.fmt.tree': { en: 'print the syntax tree with the static type of every node', ko: '노드마다 정적 타입을 붙인 구문 트리를 출력해요' },
  'cli.fmt.experimental': {
    en: 'accept experimental syntax: experimental functions, limitk/limit_ratio, anchored/smoothed, fill()',
    ko: '실험적 문법도 받아요: 실험적 함수, limitk/limit_ratio, anchored/smoothed, fill()',
  },
  'cli.fmt.output': {
    en: 'text, or json: {query, formatted, type} and with --tree the tree as /api/v1/parse_query gives it',
    ko: 'text, 또는 json: {query, formatted, type}, --tree와 함께면 /api/v1/parse_query가 주는 형태의 트리',
  },
  'cli.fmt.help': {
    en: `
Examples:
  $ promlearn fmt 'sum(rate(http_requests_total[5m]))by(job)'
  sum by (job) (rate(http_requests_total[5m]))
  $ promlearn fmt --tree 'rate(http_requests_total[5m]) > 1'
  $ promlearn fmt 'rate(http_requests_total)'      # shows the error, where, and a hint
  $ promlearn fmt --experimental 'sort_by_label(up, "job")'
  $ promlearn fmt -o json 'sum(up)by(job)' | jq -r .formatted`,
    ko: `
예:
  $ promlearn fmt 'sum(rate(http_requests_total[5m]))by(job)'
  sum by (job) (rate(http_requests_total[5m]))
  $ promlearn fmt --tree 'rate(http_requests_total[5m]) > 1'
  $ promlearn fmt 'rate(http_requests_total)'      # 오류와 그 위치, 힌트를 보여줘요
  $ promlearn fmt --experimental 'sort_by_label(up, "job")'
  $ promlearn fmt -o json 'sum(up)by(job)' | jq -r .formatted`,
  },

  'cli.metrics.description': {
    en: 'list metric families with their type, number of series and help text',
    ko: '메트릭 패밀리를 타입, 시계열 수, 도움말과 함께 나열해요',
  },
  'cli.metrics.filter': {
    en: 'only names containing this text, or matching this regex',
    ko: '이 글자를 포함하거나 이 정규식에 맞는 이름만',
  },
  'cli.metrics.start': {
    en: 'count series from this time (default: all the sample data; the last hour on --server)',
    ko: '이 시각부터 시계열을 세요(기본값: 샘플 데이터 전체; --server면 최근 1시간)',
  },
  'cli.metrics.end': { en: 'count series up to this time', ko: '이 시각까지 시계열을 세요' },
  'cli.metrics.limit': {
    en: 'show at most n families (0 = all; default: %{n} on a terminal, all when piped)',
    ko: '패밀리를 최대 n개 보여줘요(0 = 전부; 기본값: 터미널에서는 %{n}개, 파이프로 보내면 전부)',
  },
  'cli.metrics.help': {
    en: `
Examples:
  $ promlearn metrics                      # everything in the sample dataset
  $ promlearn metrics http_                # names containing "http_"
  $ promlearn metrics '^node_.*_total$'    # a regex
  $ promlearn metrics --limit 5             # the first five, by name
  $ promlearn metrics -o json | jq '.[] | select(.type == "histogram") | .name'
  $ promlearn metrics --server http://localhost:9090

A histogram family (x) stands for its x_bucket, x_sum and x_count series;
SERIES counts them all. Query the series with: promlearn series 'x_bucket'.`,
    ko: `
예:
  $ promlearn metrics                      # 샘플 데이터셋의 모든 메트릭
  $ promlearn metrics http_                # "http_"가 들어간 이름
  $ promlearn metrics '^node_.*_total$'    # 정규식
  $ promlearn metrics --limit 5             # 이름순으로 처음 다섯 개
  $ promlearn metrics -o json | jq '.[] | select(.type == "histogram") | .name'
  $ promlearn metrics --server http://localhost:9090

히스토그램 패밀리(x)는 x_bucket, x_sum, x_count 시계열을 대표하고, SERIES는
이들을 모두 세요. 시계열을 보려면: promlearn series 'x_bucket'.`,
  },

  'cli.series.description': {
    en: 'list the series (label sets) that selectors match',
    ko: '셀렉터에 맞는 시계열(레이블 집합)을 나열해요',
  },
  'cli.series.selector': {
    en: 'one or more series selectors, e.g. \'http_requests_total{job="api"}\'',
    ko: '시계열 셀렉터 하나 이상. 예: \'http_requests_total{job="api"}\'',
  },
  'cli.opt.seriesAfter': {
    en: 'only series with samples after this time: RFC 3339, unix seconds, or relative such as -2h',
    ko: '이 시각 이후에 샘플이 있는 시계열만: RFC 3339, 유닉스 초, 또는 -2h 같은 상대 시각',
  },
  'cli.opt.seriesBefore': { en: 'only series with samples before this time', ko: '이 시각 이전에 샘플이 있는 시계열만' },
  'cli.series.limit': {
    en: 'show at most n series (0 = all; default: %{n} on a terminal, all when piped)',
    ko: '시계열을 최대 n개 보여줘요(0 = 전부; 기본값: 터미널에서는 %{n}개, 파이프로 보내면 전부)',
  },
  'cli.series.help': {
    en: `
Examples:
  $ promlearn series up
  $ promlearn series 'http_requests_total{job="checkout"}'
  $ promlearn series '{__name__=~"nodejs_.*", instance="api-1:8080"}'
  $ promlearn series 'nodejs_version_info' --start -3h --end -2h
  $ promlearn series up -o json | jq '.[].instance'

A series is a metric name plus a set of labels; every distinct label set is
its own series. Selectors need a metric name or a matcher that cannot match
the empty string, as in Prometheus.`,
    ko: `
예:
  $ promlearn series up
  $ promlearn series 'http_requests_total{job="checkout"}'
  $ promlearn series '{__name__=~"nodejs_.*", instance="api-1:8080"}'
  $ promlearn series 'nodejs_version_info' --start -3h --end -2h
  $ promlearn series up -o json | jq '.[].instance'

시계열은 메트릭 이름과 레이블 집합이에요. 레이블 집합이 다르면 각각 다른
시계열이에요. Prometheus처럼 셀렉터에는 메트릭 이름이나, 빈 문자열에 맞지 않는
매처가 있어야 해요.`,
  },

  'cli.labels.description': {
    en: 'list label names, or the values of one label',
    ko: '레이블 이름을, 또는 레이블 하나의 값들을 나열해요',
  },
  'cli.labels.name': {
    en: 'a label name such as job or __name__: list its values',
    ko: 'job이나 __name__ 같은 레이블 이름: 그 값들을 나열해요',
  },
  'cli.labels.match': {
    en: 'only series matching this selector, e.g. \'up{job="api"}\' (repeatable)',
    ko: '이 셀렉터에 맞는 시계열만. 예: \'up{job="api"}\' (반복 가능)',
  },
  'cli.labels.help': {
    en: `
Examples:
  $ promlearn labels                                   # all label names
  $ promlearn labels job                               # api, checkout, frontend, node
  $ promlearn labels instance --match 'up{job="api"}'
  $ promlearn labels status_code -m http_requests_total
  $ promlearn labels __name__                          # every metric name
  $ promlearn labels route -o json`,
    ko: `
예:
  $ promlearn labels                                   # 모든 레이블 이름
  $ promlearn labels job                               # api, checkout, frontend, node
  $ promlearn labels instance --match 'up{job="api"}'
  $ promlearn labels status_code -m http_requests_total
  $ promlearn labels __name__                          # 모든 메트릭 이름
  $ promlearn labels route -o json`,
  },

  'cli.status.description': {
    en: 'show which backend promlearn uses and check that it answers',
    ko: 'promlearn이 쓰는 백엔드를 보여 주고 응답하는지 확인해요',
  },
  'cli.status.help': {
    en: `
Examples:
  $ promlearn status                                   # the bundled sample dataset
  $ promlearn status --server http://localhost:9090    # is my Prometheus reachable?
  $ PROMETHEUS_URL=https://prom.example.com/prometheus promlearn status --bearer-token-file token.txt`,
    ko: `
예:
  $ promlearn status                                   # 번들된 샘플 데이터셋
  $ promlearn status --server http://localhost:9090    # 내 Prometheus에 연결되나요?
  $ PROMETHEUS_URL=https://prom.example.com/prometheus promlearn status --bearer-token-file token.txt`,
  },

  'cli.dataset.description': {
    en: 'describe or export the bundled sample dataset',
    ko: '번들된 샘플 데이터셋을 설명하거나 내보내요',
  },
  'cli.dataset.help': {
    en: `
Examples:
  $ promlearn dataset info              # time range, size, and the incidents to find
  $ promlearn dataset export shop.om    # for promtool / a real Prometheus`,
    ko: `
예:
  $ promlearn dataset info              # 시간 범위, 크기, 찾아볼 장애
  $ promlearn dataset export shop.om    # promtool / 실제 Prometheus용`,
  },
  'cli.dataset.info.description': {
    en: 'show the time range, series and sample counts, and the incidents with their times',
    ko: '시간 범위, 시계열 수와 샘플 수, 장애와 그 시각을 보여줘요',
  },
  'cli.dataset.info.dataset': {
    en: 'describe your own OpenMetrics / text-format file instead',
    ko: '샘플 대신 직접 만든 OpenMetrics / 텍스트 형식 파일을 설명해요',
  },
  'cli.dataset.server': {
    en: '(not applicable: the dataset commands are about local data)',
    ko: '(해당 없음: dataset 명령은 로컬 데이터만 다뤄요)',
  },
  'cli.dataset.info.help': {
    en: `
Examples:
  $ promlearn dataset info
  $ promlearn dataset info -o json | jq '.incidents[] | {id, start, query}'
  $ promlearn dataset info --dataset my-metrics.om`,
    ko: `
예:
  $ promlearn dataset info
  $ promlearn dataset info -o json | jq '.incidents[] | {id, start, query}'
  $ promlearn dataset info --dataset my-metrics.om`,
  },
  'cli.dataset.export.description': {
    en: 'write the sample dataset as OpenMetrics (for promtool backfill) or Prometheus text format',
    ko: '샘플 데이터셋을 OpenMetrics(promtool 백필용)나 Prometheus 텍스트 형식으로 써요',
  },
  'cli.dataset.export.file': { en: 'write to this file (default: stdout)', ko: '이 파일에 써요(기본값: stdout)' },
  'cli.dataset.export.output': { en: 'output format: openmetrics or text', ko: '출력 형식: openmetrics 또는 text' },
  'cli.dataset.export.dataset': {
    en: 'convert your own OpenMetrics / text-format file instead',
    ko: '샘플 대신 직접 만든 OpenMetrics / 텍스트 형식 파일을 변환해요',
  },
  'cli.dataset.export.help': {
    en: `
Examples:
  $ promlearn dataset export shop.om                  # OpenMetrics (default)
  $ promlearn dataset export -o text | head           # Prometheus text format, ms timestamps

Load it into a real Prometheus (promtool backfill, then start on the blocks):
  $ promlearn dataset export shop.om
  $ promtool tsdb create-blocks-from openmetrics shop.om ./data
  $ echo 'global: {}' > empty.yml
  $ prometheus --config.file=empty.yml --storage.tsdb.path=./data \\
      --storage.tsdb.retention.time=100y --web.listen-address=127.0.0.1:9090
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))' --server http://127.0.0.1:9090 \\
      --time 2026-01-15T11:00:00Z   # the data's time: at "now" the answer is empty (a note says so)

Caveat: OpenMetrics cannot carry staleness markers. In the sample data,
%{instance} cannot be scraped from %{gapStart} to %{gapEnd} and its series
end with a staleness marker, so the embedded engine drops them at once; a
backfilled Prometheus never saw the marker and keeps returning their last
values for up to 5 minutes (the lookback delta). Near that scrape gap (and
where the api deploy retires the old nodejs_version_info series) the two
answer differently; everywhere else they agree.
HELP/TYPE/UNIT are not kept by a backfill either (/api/v1/metadata is empty).`,
    ko: `
예:
  $ promlearn dataset export shop.om                  # OpenMetrics(기본값)
  $ promlearn dataset export -o text | head           # Prometheus 텍스트 형식, ms 타임스탬프

실제 Prometheus에 넣으려면(promtool로 백필한 뒤 그 블록으로 시작):
  $ promlearn dataset export shop.om
  $ promtool tsdb create-blocks-from openmetrics shop.om ./data
  $ echo 'global: {}' > empty.yml
  $ prometheus --config.file=empty.yml --storage.tsdb.path=./data \\
      --storage.tsdb.retention.time=100y --web.listen-address=127.0.0.1:9090
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))' --server http://127.0.0.1:9090 \\
      --time 2026-01-15T11:00:00Z   # 데이터의 시각: "now"에서는 결과가 비어요(안내가 나와요)

주의: OpenMetrics에는 stale 마커를 담을 수 없어요. 샘플 데이터의
%{instance} 인스턴스는 %{gapStart}부터 %{gapEnd}까지 스크레이프되지 않고, 그
시계열은 stale 마커로 끝나서 내장 엔진은 곧바로 그 시계열을 빼요. 백필한
Prometheus는 마커를 본 적이 없어서 최대 5분(lookback delta) 동안 마지막 값을
계속 돌려줘요.
그 스크레이프 공백 근처에서는(그리고 api 배포로 예전 nodejs_version_info
시계열이 사라지는 곳에서도) 둘의 답이 달라요. 나머지는 모두 같아요.
HELP/TYPE/UNIT도 백필로는 남지 않아요(/api/v1/metadata가 비어요).`,
  },
} as const;
