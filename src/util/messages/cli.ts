// Command help (src/cli/): descriptions, option help and the captions of examples.
// Commands, flags and PromQL in the examples stay as they are typed.

export const CLI_MESSAGES = {
  'cli.program': {
    en: 'Learn PromQL by doing: query a bundled sample dataset with an embedded PromQL engine, or your own Prometheus.',
    ko: '직접 해 보며 PromQL을 배워요: 내장 PromQL 엔진으로 번들된 샘플 데이터셋에, 또는 여러분의 Prometheus에 쿼리해요.',
  },
  'cli.program.help': {
    en: `
Examples:
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn range 'rate(http_requests_total{job="api"}[5m])' --range 1h
  $ promlearn learn                 # guided lessons
  $ promlearn                       # interactive REPL (in a terminal)
  $ promlearn query up --server http://localhost:9090

Exit codes: 0 ok, 1 query or server error, 2 usage error.`,
    ko: `
예:
  $ promlearn query 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn range 'rate(http_requests_total{job="api"}[5m])' --range 1h
  $ promlearn learn                 # 단계별 레슨
  $ promlearn                       # 대화형 REPL(터미널에서)
  $ promlearn query up --server http://localhost:9090

종료 코드: 0 성공, 1 쿼리 또는 서버 오류, 2 사용법 오류.`,
  },
  'cli.hint.leadingMinus': {
    en: "if %{first} is the query, put -- before it: promlearn %{cmd} -- '%{first}'",
    ko: "'-'로 시작하는 쿼리(%{first})는 앞에 --를 붙이세요: promlearn %{cmd} -- '%{first}'",
  },
  'cli.lang': {
    en: 'language of the lessons (default: $PROMLEARN_LANG, else the locale, else en)',
    ko: '메시지와 레슨의 언어(기본값: $PROMLEARN_LANG, 없으면 로캘, 그것도 없으면 en)',
  },
  'cli.tz': {
    en: 'show times, and read times without a zone, in this IANA zone, e.g. Asia/Seoul (default: $TZ, else UTC)',
    ko: '시각을 이 IANA 시간대로 보여 주고, 시간대 없는 입력 시각도 이 시간대로 읽어요. 예: Asia/Seoul(기본값: $TZ, 없으면 UTC)',
  },
  'cli.query.description': {
    en: 'run a PromQL query at one instant and show the result as a table',
    ko: 'PromQL 쿼리를 한 시각에 실행해서 결과를 표로 보여줘요',
  },
  'cli.query.expr': { en: 'PromQL expression (quote it for your shell)', ko: 'PromQL 식(셸에 맞게 따옴표로 감싸세요)' },
  'cli.query.time': {
    en: 'evaluation time: RFC 3339, unix seconds, now, or relative such as -1h (default: end of the sample data, or now for --server)',
    ko: '평가 시각: RFC 3339, 유닉스 초, now, 또는 -1h 같은 상대 시각(기본값: 샘플 데이터의 끝, --server면 현재)',
  },
  'cli.query.rangeDefault': {
    en: 'with any of these, a range query drawn as a chart',
    ko: '이 중 하나라도 주면 범위 쿼리를 차트로 그려요',
  },
  'cli.query.scrapeFor': {
    en: 'with --scrape: keep scraping every --interval this long before the query (rate() needs two scrapes)',
    ko: '--scrape와 함께: 쿼리 전에 이 기간 동안 --interval마다 스크레이프해요(rate()에는 스크레이프가 두 번 필요해요)',
  },
  'cli.query.ex.raw': { en: '# raw samples, as rate() sees them', ko: '# rate()가 보는 원시 샘플' },
  'cli.query.ex.chart': { en: '# a chart', ko: '# 차트' },
  'cli.query.after.grafana': {
    en: 'Queries pasted from Grafana work: $__rate_interval, $__interval, $__range,\n$__range_s (and _ms) are replaced as Grafana would (--scrape-interval, default\n15s); your own variables ($job, ${job}, ${job:regex}, [[job]]) come from --var.',
    ko: 'Grafana에서 붙여 넣은 쿼리도 돼요: $__rate_interval, $__interval, $__range,\n$__range_s(와 _ms)는 Grafana처럼 바꿔 넣고(--scrape-interval, 기본값 15s),\n직접 만든 변수($job, ${job}, ${job:regex}, [[job]])는 --var로 줘요.',
  },
  'cli.query.after.json': {
    en: 'JSON output is the "data" object of Prometheus\'s /api/v1/query response\n({"resultType": ..., "result": ...}); native histograms keep the API\'s\n"histogram" shape. CSV has one row per sample; with native histograms it adds\ncount, sum and buckets columns (buckets as "(0.1,0.25]:4;(0.25,0.5]:2").\nA native histogram shows as count, sum and a bucket sparkline; a result of one\nhistogram (or --buckets) draws its buckets as bars.\nWarnings and --stats go to stderr. Exit codes: 0 ok, 1 query error, 2 usage error.',
    ko: 'JSON 출력은 Prometheus /api/v1/query 응답의 "data" 객체예요\n({"resultType": ..., "result": ...}). 네이티브 히스토그램은 API의 "histogram"\n형태 그대로예요. CSV는 샘플마다 한 행이고, 네이티브 히스토그램이 있으면\ncount, sum, buckets 열이 붙어요(buckets는 "(0.1,0.25]:4;(0.25,0.5]:2" 형식).\n네이티브 히스토그램은 count, sum과 버킷 스파크라인으로 보여요. 히스토그램 하나만\n나오면(또는 --buckets를 주면) 버킷을 막대로 그려요.\n경고와 --stats는 stderr로 나가요. 종료 코드: 0 성공, 1 쿼리 오류, 2 사용법 오류.',
  },
  'cli.query.buckets': {
    en: 'draw each native histogram in the result as a bar chart of its buckets (a result of one histogram is drawn so anyway)',
    ko: '결과의 네이티브 히스토그램마다 버킷을 막대 차트로 그려요(히스토그램 하나만 나오면 어차피 이렇게 그려요)',
  },
  'cli.examples': { en: 'Examples:', ko: '예:' },
  'cli.opt.output': { en: 'output format', ko: '출력 형식' },
  'cli.opt.limit': {
    en: 'show at most n table rows or chart series (0 = all; default: fit the terminal, all rows when piped, 8 chart series)',
    ko: '표의 행이나 차트의 시계열을 최대 n개 보여줘요(0이면 전부; 기본값: 터미널에 맞게, 파이프로 보내면 모든 행, 차트는 시계열 8개)',
  },
  'cli.opt.stats': { en: 'print evaluation time and samples read (to stderr)', ko: '평가 시간과 읽은 샘플 수를 출력해요(stderr로)' },
  'cli.opt.height': { en: 'chart height in rows (default: fit the screen)', ko: '차트 높이(행 수, 기본값: 화면에 맞게)' },
  'cli.opt.width': { en: 'chart width in columns (default: the terminal width)', ko: '차트 너비(열 수, 기본값: 터미널 너비)' },
  'cli.opt.noColor': {
    en: 'no colours (also: NO_COLOR=1; output that is not a terminal is never coloured)',
    ko: '색을 쓰지 않아요(NO_COLOR=1도 같아요; 터미널이 아닌 출력에는 색을 쓰지 않아요)',
  },
  'cli.opt.range': { en: 'length of the range, e.g. 30m, 6h (%{rangeDefault})', ko: '범위의 길이. 예: 30m, 6h (%{rangeDefault})' },
  'cli.opt.start': {
    en: 'range start: RFC 3339, unix seconds, or relative such as -2h',
    ko: '범위 시작: RFC 3339, 유닉스 초, 또는 -2h 같은 상대 시각',
  },
  'cli.opt.end': {
    en: 'range end (default: the end of the sample data, or now for --server)',
    ko: '범위 끝(기본값: 샘플 데이터의 끝, --server면 현재)',
  },
  'cli.opt.step': {
    en: 'resolution, e.g. 15s, 1m or seconds (default: about 200 points over the range)',
    ko: '해상도. 예: 15s, 1m, 또는 초(기본값: 범위 전체에 점 약 200개)',
  },
  'cli.opt.var': {
    en: 'value of a Grafana variable ($name, ${name}, [[name]]) in the query; repeat for more, or for a multi-value one',
    ko: '쿼리 안 Grafana 변수($name, ${name}, [[name]])의 값; 여러 변수나 다중 값이면 반복해서 주세요',
  },
  'cli.opt.scrapeInterval': {
    en: "scrape interval behind Grafana's $__interval and $__rate_interval (default 15s: the sample's, and Grafana's default)",
    ko: 'Grafana의 $__interval과 $__rate_interval이 기준으로 삼는 스크레이프 간격(기본값 15s: 샘플 데이터와 Grafana의 기본값)',
  },
  'cli.opt.server': {
    en: 'query a Prometheus-compatible server instead of the sample dataset (env PROMETHEUS_URL)',
    ko: '샘플 데이터셋 대신 Prometheus 호환 서버에 쿼리해요(환경 변수 PROMETHEUS_URL)',
  },
  'cli.opt.dataset': {
    en: 'use your own OpenMetrics / text-format file (with timestamps; .gz read as gzip) instead of the sample dataset',
    ko: '샘플 데이터셋 대신 직접 만든 OpenMetrics / 텍스트 형식 파일을 써요(타임스탬프 포함; .gz는 gzip으로 읽어요)',
  },
  'cli.opt.bearerTokenFile': {
    en: 'file holding a bearer token for --server (env PROMETHEUS_BEARER_TOKEN)',
    ko: '--server용 bearer 토큰이 든 파일(환경 변수 PROMETHEUS_BEARER_TOKEN)',
  },
  'cli.opt.user': {
    en: 'basic-auth user for --server; password from PROMETHEUS_PASSWORD or a prompt',
    ko: '--server용 basic 인증 사용자; 비밀번호는 PROMETHEUS_PASSWORD나 프롬프트로',
  },
  'cli.opt.header': {
    en: "extra HTTP header for --server, e.g. 'X-Scope-OrgID: tenant' (repeatable)",
    ko: "--server에 보낼 추가 HTTP 헤더. 예: 'X-Scope-OrgID: tenant' (반복 가능)",
  },
  'cli.opt.nhcb': {
    en: "with --dataset: also store each classic histogram (x_bucket{le}) as a native histogram with custom buckets named x, as Prometheus 3's convert_classic_histograms_to_nhcb does",
    ko: '--dataset과 함께: 클래식 히스토그램(x_bucket{le})마다 커스텀 버킷 네이티브 히스토그램 x도 저장해요(Prometheus 3의 convert_classic_histograms_to_nhcb처럼)',
  },
  'cli.opt.caFile': { en: 'CA certificate (PEM) to trust for --server', ko: '--server에 대해 신뢰할 CA 인증서(PEM)' },
  'cli.opt.insecure': {
    en: 'do not verify the server certificate (explicit choice, never the default)',
    ko: '서버 인증서를 검증하지 않아요(명시적으로 고를 때만, 기본값은 아님)',
  },
  'cli.opt.timeout': {
    en: 'query timeout, e.g. 30s, 2m (longer than 0, locally and on a server)',
    ko: '쿼리 제한 시간. 예: 30s, 2m (0보다 길게, 로컬과 서버 모두)',
  },
  'cli.opt.verbose': {
    en: 'print requests and timings to stderr (secrets are never printed)',
    ko: '요청과 소요 시간을 stderr로 출력해요(비밀 값은 출력하지 않아요)',
  },
  'cli.opt.maxSamples': {
    en: 'most samples a query may hold in memory at once, intermediate results included (embedded engine; default %{n})',
    ko: '쿼리 하나가 한 번에 메모리에 들고 있을 수 있는 최대 샘플 수, 중간 결과 포함(내장 엔진; 기본값 %{n})',
  },
  // Commander's own words in help (src/cli/help-text.ts; English is commander's text, never replaced).
  'help.usage': { en: 'Usage:', ko: '사용법:' },
  'help.arguments': { en: 'Arguments:', ko: '인자:' },
  'help.options': { en: 'Options:', ko: '옵션:' },
  'help.commands': { en: 'Commands:', ko: '명령:' },
  'help.globalOptions': { en: 'Global Options:', ko: '전역 옵션:' },
  'help.helpFlag': { en: 'display help for command', ko: '명령의 도움말을 보여줘요' },
  'help.version': { en: 'output the version number', ko: '버전을 출력해요' },
  'help.choices': { en: 'choices: %{choices}', ko: '선택지: %{choices}' },
  'help.default': { en: 'default: %{value}', ko: '기본값: %{value}' },
  'help.preset': { en: 'preset: %{value}', ko: '값을 생략하면: %{value}' },
  'help.env': { en: 'env: %{name}', ko: '환경 변수: %{name}' },
} as const;
