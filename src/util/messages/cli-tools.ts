// Command help (src/cli/) of the interactive and tooling commands: repl, learn,
// compare, explain, demo-app, scrape and serve. Example lines (`  $ promlearn
// ...`) are the same in both languages; only their `# comments` differ.

export const CLI_TOOLS_MESSAGES = {
  'cli.repl.description': {
    en: 'interactive PromQL session with completion, history and charts (.help inside for commands)',
    ko: '자동 완성, 히스토리, 차트가 있는 대화형 PromQL 세션(안에서 .help로 명령 목록을 봐요)',
  },
  'cli.repl.rules': {
    en: 'evaluate these rule files over the data first: recorded series and ALERTS become queryable (local data only)',
    ko: '먼저 이 규칙 파일을 데이터에 대해 평가해요: 기록된 시계열과 ALERTS를 쿼리할 수 있어요(로컬 데이터만)',
  },
  'cli.repl.help': {
    en: `
Examples:
  $ promlearn                                   # the same as promlearn repl, in a terminal
  $ promlearn repl --server http://localhost:9090
  $ echo 'sum by (job) (up)' | promlearn repl   # piped: run each query and exit
  $ promlearn repl --rules rules.yml            # recording-rule series and ALERTS queryable
  $ promlearn repl --scrape http://127.0.0.1:8080/metrics --interval 5s   # a live store; .targets

Queries run when Enter completes them; unclosed brackets continue on the next line.
Tab completes functions, metrics, labels and values; Ctrl-R searches the history;
Ctrl-C cancels a running query. Inside, .help lists the meta-commands
(.range 1h, .instant, .at -2h, .step 1m, .output csv, .var job=api, .metrics, .lesson, .quit).
Queries pasted from Grafana work: $__rate_interval, $__interval, $__range are
replaced as Grafana would, and your own variables come from --var or .var.
Piped input exits with status 1 if any query failed.`,
    ko: `
예:
  $ promlearn                                   # 터미널에서는 promlearn repl과 같아요
  $ promlearn repl --server http://localhost:9090
  $ echo 'sum by (job) (up)' | promlearn repl   # 파이프: 쿼리마다 실행 후 종료
  $ promlearn repl --rules rules.yml            # 기록 규칙 시계열과 ALERTS를 쿼리
  $ promlearn repl --scrape http://127.0.0.1:8080/metrics --interval 5s   # 실시간 수집; .targets

Enter로 쿼리가 완성되면 실행해요. 괄호가 닫히지 않았으면 다음 줄로 이어져요.
Tab은 함수, 메트릭, 레이블과 값을 완성하고, Ctrl-R은 히스토리를 검색하고,
Ctrl-C는 실행 중인 쿼리를 취소해요. 안에서 .help를 치면 메타 명령이 나와요
(.range 1h, .instant, .at -2h, .step 1m, .output csv, .var job=api, .metrics,
.lesson, .quit). Grafana에서 붙여 넣은 쿼리도 돼요: $__rate_interval,
$__interval, $__range는 Grafana처럼 바꿔 넣고, 직접 만든 변수는 --var나 .var로
줘요. 파이프 입력에서 쿼리가 하나라도 실패하면 종료 코드 1로 끝나요.`,
  },

  'cli.learn.description': {
    en: 'guided lessons: learn PromQL step by step on the sample dataset',
    ko: '단계별 레슨: 샘플 데이터셋으로 PromQL을 한 단계씩 배워요',
  },
  'cli.learn.lesson': { en: 'lesson number or id (e.g. 5 or rate)', ko: '레슨 번호나 id(예: 5 또는 rate)' },
  'cli.learn.answers': {
    en: 'answer the exercises from a file, one line per exercise (empty or .skip skips one); examples run as written',
    ko: '파일에서 연습 문제의 답을 읽어요. 문제마다 한 줄(빈 줄이나 .skip은 건너뛰어요); 예제는 적힌 대로 실행해요',
  },
  'cli.learn.restart': { en: 'walk the lesson from its first step', ko: '레슨을 첫 단계부터 다시 해요' },
  'cli.learn.reset': { en: 'forget your progress (of one lesson, or all)', ko: '진행 상황을 지워요(레슨 하나, 또는 전부)' },
  'cli.learn.validate': {
    en: 'check every lesson file, English and translations: format, examples, answers, prom-client snippets (for lesson authors)',
    ko: '모든 레슨 파일(영어와 번역)을 검사해요: 형식, 예제, 답, prom-client 코드 조각(레슨 작성자용)',
  },
  'cli.learn.export': { en: 'print the whole course as data (format: json)', ko: '전체 코스를 데이터로 출력해요(형식: json)' },
  'cli.learn.help': {
    en: `
Examples:
  $ promlearn learn                          # a menu of the lessons, with your progress
  $ promlearn learn 5                        # walk lesson 5 (or: promlearn learn rate)
  $ promlearn learn 5 --restart              # from its first step again
  $ promlearn learn --lang ko                # the lessons in Korean (or PROMLEARN_LANG=ko, or LANG=ko_KR.UTF-8)
  $ promlearn learn 5 --answers answers.txt  # one line per exercise of lesson 5
  $ promlearn learn --export json > course.json
  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'
  $ promlearn learn --reset 5                # forget lesson 5's progress (all without a number)

In an exercise: Up/Down recall your attempts (a wrong one comes back ready to
edit), Tab completes metric and label names, .hint climbs the hints, .answer
shows one, .run QUERY looks without judging, .at -4h45m / .range 30m move
where it looks.

Progress is kept in $PROMLEARN_STATE_DIR, else $XDG_STATE_HOME/promlearn or
~/.local/state/promlearn. Exit codes: 0 ok (check: right), 1 wrong or query
error, 2 usage error.`,
    ko: `
예:
  $ promlearn learn                          # 진행 상황과 함께 레슨 메뉴
  $ promlearn learn 5                        # 레슨 5 진행(또는: promlearn learn rate)
  $ promlearn learn 5 --restart              # 첫 단계부터 다시
  $ promlearn learn --lang ko                # 한국어 레슨(또는 PROMLEARN_LANG=ko, LANG=ko_KR.UTF-8)
  $ promlearn learn 5 --answers answers.txt  # 레슨 5의 문제마다 한 줄
  $ promlearn learn --export json > course.json
  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'
  $ promlearn learn --reset 5                # 레슨 5의 진행 상황 삭제(번호가 없으면 전부)

연습 문제에서: 위/아래 화살표로 이전 시도를 불러와요(틀린 답은 고칠 수 있게 다시
나와요). Tab은 메트릭과 레이블 이름을 완성하고, .hint는 힌트를 하나씩 더
보여 주고, .answer는 답 하나를 보여줘요. .run QUERY는 채점 없이 결과만 보고,
.at -4h45m / .range 30m는 보는 시점을 옮겨요.

진행 상황은 $PROMLEARN_STATE_DIR, 없으면 $XDG_STATE_HOME/promlearn이나
~/.local/state/promlearn에 저장해요. 종료 코드: 0 성공(check: 정답), 1 오답
또는 쿼리 오류, 2 사용법 오류.`,
  },
  'cli.learn.check.description': {
    en: 'judge an answer to an exercise without prompts (exit 0 right, 1 wrong, 2 bad usage)',
    ko: '연습 문제의 답을 프롬프트 없이 채점해요(종료 코드 0 정답, 1 오답, 2 잘못된 사용법)',
  },
  'cli.learn.check.lesson': { en: 'lesson number or id', ko: '레슨 번호나 id' },
  'cli.learn.check.exercise': { en: 'exercise number within the lesson, or its id', ko: '레슨 안의 문제 번호나 id' },
  'cli.learn.check.query': { en: 'your PromQL answer', ko: '여러분의 PromQL 답' },
  'cli.learn.check.help': {
    en: `
Example:
  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'
  $ promlearn learn check rate 1 'increase(http_requests_total{job="frontend"}[5m])'   # exit 1, with feedback`,
    ko: `
예:
  $ promlearn learn check 5 per-second 'rate(http_requests_total{job="frontend"}[5m])'
  $ promlearn learn check rate 1 'increase(http_requests_total{job="frontend"}[5m])'   # 종료 코드 1과 피드백`,
  },
  'cli.learn.check.leadingMinus': {
    en: "if your answer starts with '-', put -- before the arguments: promlearn learn check 4 1 -- '-(...)'",
    ko: "답이 '-'로 시작하면 인자 앞에 --를 붙이세요: promlearn learn check 4 1 -- '-(...)'",
  },

  'cli.compare.description': {
    en: 'say whether two queries give the same results over the whole dataset, and how they differ',
    ko: '두 쿼리가 데이터셋 전체에서 같은 결과를 내는지, 다르면 어떻게 다른지 알려 줘요',
  },
  'cli.compare.expected': { en: 'the query you trust', ko: '믿을 수 있는 쿼리' },
  'cli.compare.actual': { en: 'the query to check', ko: '확인할 쿼리' },
  'cli.compare.time': {
    en: 'compare at this instant instead of over a range (repeat for more); with range flags, the range end',
    ko: '범위 대신 이 시각에서 비교해요(여러 번 줄 수 있어요); 범위 플래그와 함께면 범위의 끝',
  },
  'cli.compare.rangeDefault': {
    en: 'default: the whole dataset, or the last hour on --server',
    ko: '기본값: 데이터셋 전체, --server면 최근 1시간',
  },
  'cli.compare.help': {
    en: `
Examples:
  $ promlearn compare 'sum by (job) (rate(http_requests_total[5m]))' 'sum without (instance) (rate(http_requests_total[5m]))'
  $ promlearn compare 'up' 'up == 1' --time 2026-01-15T08:10:00Z     # at one instant
  $ promlearn compare 'rate(x[5m])' 'irate(x[5m])' --start -2h --step 1m
  $ promlearn compare 'up' 'up{job="api"}' -o json | jq .differences

Over a range the step is a whole minute (at most 120 steps) unless --step says otherwise.
Exit codes: 0 same, 1 different, 2 a query that does not parse.`,
    ko: `
예:
  $ promlearn compare 'sum by (job) (rate(http_requests_total[5m]))' 'sum without (instance) (rate(http_requests_total[5m]))'
  $ promlearn compare 'up' 'up == 1' --time 2026-01-15T08:10:00Z     # 한 시각에서
  $ promlearn compare 'rate(x[5m])' 'irate(x[5m])' --start -2h --step 1m
  $ promlearn compare 'up' 'up{job="api"}' -o json | jq .differences

범위에서 비교할 때 스텝은 --step을 주지 않으면 분 단위예요(스텝은 최대 120개).
종료 코드: 0 같음, 1 다름, 2 해석할 수 없는 쿼리.`,
  },

  'cli.explain.description': {
    en: 'take a query apart: what each part does and returns, why a selector matches nothing, how operators matched',
    ko: '쿼리를 분해해요: 각 부분이 하는 일과 돌려주는 값, 셀렉터가 아무것도 못 찾는 이유, 연산자의 매칭 방식',
  },
  'cli.explain.samples': {
    en: 'walk through rate/increase/irate/delta/idelta/deriv and histogram_quantile sample by sample, on one series',
    ko: 'rate/increase/irate/delta/idelta/deriv와 histogram_quantile을 시계열 하나에서 샘플 단위로 따라가요',
  },
  'cli.explain.series': {
    en: 'the series for --samples, e.g. \'{instance="frontend-2:3000", route="/"}\' (default: the first)',
    ko: '--samples에 쓸 시계열. 예: \'{instance="frontend-2:3000", route="/"}\' (기본값: 첫 번째)',
  },
  'cli.explain.width': {
    en: 'fit the text to this many columns (default: the terminal width, 80 when piped)',
    ko: '글을 이 열 수에 맞춰요(기본값: 터미널 너비, 파이프로 보내면 80)',
  },
  'cli.explain.help': {
    en: `
Examples:
  $ promlearn explain 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))' --samples
  $ promlearn explain 'rate(http_requests_total{instance="frontend-2:3000"}[5m])' --time 2026-01-15T07:15:00Z --samples
  $ promlearn explain 'up{instance="frontend-1"}'          # why nothing matches
  $ promlearn explain 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on(job) sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain up -o json | jq '.root.result'
  $ promlearn explain 'rate(http_requests_total[5m])' --server http://localhost:9090

Every sub-expression is run as its own instant query at the evaluation time
(through the HTTP API with --server), so each node shows what it returns.
Exit codes: 0 ok, 1 query error (the tree is still shown when the query runs
but fails, e.g. many-to-many matching), 2 usage error.`,
    ko: `
예:
  $ promlearn explain 'sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))' --samples
  $ promlearn explain 'rate(http_requests_total{instance="frontend-2:3000"}[5m])' --time 2026-01-15T07:15:00Z --samples
  $ promlearn explain 'up{instance="frontend-1"}'          # 맞는 게 없는 이유
  $ promlearn explain 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on(job) sum by (job) (rate(http_requests_total[5m]))'
  $ promlearn explain up -o json | jq '.root.result'
  $ promlearn explain 'rate(http_requests_total[5m])' --server http://localhost:9090

하위 식마다 평가 시각에 인스턴트 쿼리로 따로 실행해서(--server면 HTTP API로),
노드마다 돌려주는 값을 보여줘요. 종료 코드: 0 성공, 1 쿼리 오류(실행 중에
실패해도, 예를 들어 다대다 매칭이어도 트리는 보여줘요), 2 사용법 오류.`,
  },

  'cli.demoApp.description': {
    en: 'run a demo Node.js shop instrumented with prom-client, with built-in traffic and incident switches',
    ko: 'prom-client로 계측한 데모 Node.js 쇼핑몰을 실행해요. 트래픽 생성과 장애 스위치가 들어 있어요',
  },
  'cli.opt.port': { en: 'port to listen on', ko: '리슨할 포트' },
  'cli.opt.listen': { en: 'address to listen on', ko: '리슨할 주소' },
  'cli.demoApp.rps': { en: 'requests per second of built-in traffic (0 for none)', ko: '내장 트래픽의 초당 요청 수(0이면 없음)' },
  'cli.demoApp.errors': { en: 'answer this share of requests with 500, e.g. 5%', ko: '이 비율의 요청에 500으로 응답해요. 예: 5%' },
  'cli.demoApp.slow': {
    en: 'make a route template slow, e.g. /api/products (repeatable)',
    ko: '라우트 템플릿 하나를 느리게 해요. 예: /api/products (반복 가능)',
  },
  'cli.demoApp.leak': {
    en: 'start with the memory leak on (it crashes the app at 256 MB and restarts)',
    ko: '메모리 누수를 켠 채로 시작해요(256 MB에서 앱이 죽고 다시 시작해요)',
  },
  'cli.demoApp.rawPaths': {
    en: 'label requests by raw path (user ids in the route label: a cardinality explosion)',
    ko: '요청에 원래 경로를 레이블로 붙여요(route 레이블에 사용자 id: 카디널리티 폭발)',
  },
  'cli.demoApp.restartDelay': { en: 'how long a crashed app stays down', ko: '죽은 앱이 다시 뜰 때까지 걸리는 시간' },
  'cli.demoApp.noKeys': { en: 'do not read incident keys from the terminal', ko: '터미널에서 장애 키를 읽지 않아요' },
  'cli.demoApp.help': {
    en: `
Routes: GET /  GET /api/products  GET /api/products/:id  POST /api/cart  GET /api/users/:id  GET /metrics

Keys while it runs (in a terminal):
  e  errors off → 5% → 25%      s  slow /api/products       l  memory leak
  c  crash and restart          u  user ids in route label  q  quit (or Ctrl-C)

Examples:
  $ promlearn demo-app                                   # http://127.0.0.1:8080/metrics
  $ promlearn demo-app --port 9100 --rps 50 --errors 5%
  $ promlearn demo-app --slow /api/products
  $ curl -H 'Accept: application/openmetrics-text' http://127.0.0.1:8080/metrics
  # in another terminal:
  $ promlearn scrape http://127.0.0.1:8080/metrics --interval 5s`,
    ko: `
라우트:
  GET /  GET /api/products  GET /api/products/:id
  POST /api/cart  GET /api/users/:id  GET /metrics

실행 중에 쓰는 키(터미널에서):
  e  오류 끔 → 5% → 25%         s  /api/products 느리게     l  메모리 누수
  c  강제 종료 후 재시작        u  route에 사용자 id        q  종료(또는 Ctrl-C)

예:
  $ promlearn demo-app                                   # http://127.0.0.1:8080/metrics
  $ promlearn demo-app --port 9100 --rps 50 --errors 5%
  $ promlearn demo-app --slow /api/products
  $ curl -H 'Accept: application/openmetrics-text' http://127.0.0.1:8080/metrics
  # 다른 터미널에서:
  $ promlearn scrape http://127.0.0.1:8080/metrics --interval 5s`,
  },

  'cli.scrape.description': {
    en: 'scrape /metrics endpoints as Prometheus does (up, job, instance, staleness) and show each scrape',
    ko: 'Prometheus처럼 /metrics 엔드포인트를 스크레이프하고(up, job, instance, staleness) 스크레이프마다 결과를 보여줘요',
  },
  'cli.scrape.urls': {
    en: 'targets, e.g. http://127.0.0.1:8080/metrics (host:port means http://host:port/metrics)',
    ko: '타깃. 예: http://127.0.0.1:8080/metrics (host:port는 http://host:port/metrics)',
  },
  'cli.scrape.scrape': {
    en: 'scrape these /metrics URLs into a live store instead of using the sample dataset',
    ko: '샘플 데이터셋 대신 이 /metrics URL들을 라이브 저장소로 스크레이프해요',
  },
  'cli.scrape.config': {
    en: 'scrape the static targets of a prometheus.yml (scrape_configs)',
    ko: 'prometheus.yml의 정적 타깃(scrape_configs)을 스크레이프해요',
  },
  'cli.scrape.interval': {
    en: 'scrape interval (default 15s; overrides the config file)',
    ko: '스크레이프 간격(기본값 15s; 설정 파일보다 우선해요)',
  },
  'cli.scrape.timeout': {
    en: 'scrape timeout (default 10s, at most the interval)',
    ko: '스크레이프 제한 시간(기본값 10s, 간격을 넘을 수 없어요)',
  },
  'cli.scrape.job': { en: 'job label for URLs given on the command line', ko: '명령줄에서 준 URL에 붙일 job 레이블' },
  'cli.scrape.honorLabels': {
    en: "keep the target's own job/instance labels on conflict (honor_labels: true)",
    ko: '충돌하면 타깃 자신의 job/instance 레이블을 유지해요(honor_labels: true)',
  },
  'cli.scrape.bodySizeLimit': {
    en: 'refuse scrape bodies larger than this, e.g. 10MB (default: no limit)',
    ko: '이보다 큰 스크레이프 본문은 거부해요. 예: 10MB (기본값: 제한 없음)',
  },
  'cli.scrape.duration': { en: 'stop after this long (default: until Ctrl-C)', ko: '이 시간이 지나면 멈춰요(기본값: Ctrl-C까지)' },
  'cli.scrape.once': {
    en: 'scrape every target once and exit (exit 1 when a target is down)',
    ko: '타깃마다 한 번씩 스크레이프하고 끝나요(다운된 타깃이 있으면 종료 코드 1)',
  },
  'cli.scrape.save': {
    en: 'on exit, write everything scraped as OpenMetrics (for --dataset and promtool)',
    ko: '끝날 때 스크레이프한 모든 것을 OpenMetrics로 저장해요(--dataset과 promtool용)',
  },
  'cli.scrape.quiet': { en: 'no line per scrape', ko: '스크레이프마다 줄을 출력하지 않아요' },
  'cli.scrape.help': {
    en: `
Examples:
  $ promlearn demo-app &                                  # something to scrape
  $ promlearn scrape http://127.0.0.1:8080/metrics --interval 5s
  $ promlearn scrape 127.0.0.1:8080 --duration 2m --save session.om
  $ promlearn query 'rate(http_requests_total[1m])' --dataset session.om
  $ promlearn scrape --config prometheus.yml --once
  $ promlearn repl --scrape http://127.0.0.1:8080/metrics     # query the live store; .targets lists targets`,
    ko: `
예:
  $ promlearn demo-app &                                  # 스크레이프할 대상
  $ promlearn scrape http://127.0.0.1:8080/metrics --interval 5s
  $ promlearn scrape 127.0.0.1:8080 --duration 2m --save session.om
  $ promlearn query 'rate(http_requests_total[1m])' --dataset session.om
  $ promlearn scrape --config prometheus.yml --once
  $ promlearn repl --scrape http://127.0.0.1:8080/metrics     # 라이브 저장소에 쿼리; .targets로 타깃 목록`,
  },

  'cli.serve.description': {
    en: 'serve the Prometheus HTTP API (/api/v1/query, query_range, series, labels, ...) over the sample dataset, a file or a live scraped store',
    ko: '샘플 데이터셋, 파일, 또는 스크레이프하는 라이브 저장소를 Prometheus HTTP API(/api/v1/query, query_range, series, labels, ...)로 제공해요',
  },
  'cli.serve.shiftToNow': {
    en: 'serve a fixed dataset as if it ended now (for Grafana\'s "Last 6 hours" and clients that query at now)',
    ko: '고정된 데이터셋이 지금 끝나는 것처럼 제공해요(Grafana의 "Last 6 hours"처럼 현재 시각에 쿼리하는 클라이언트용)',
  },
  'cli.serve.help': {
    en: `
Queries without a time are evaluated at the end of a fixed dataset (the sample ends
2026-01-15 12:00 UTC), and at "now" on a live scraped store. Clients that always send
"now" (Grafana's relative ranges, promtool, --server) see a fixed dataset's data with
--shift-to-now: every timestamp moves so that the data ends when serve starts.

Examples:
  $ promlearn serve                                        # the sample dataset on http://127.0.0.1:9090
  $ curl 'http://127.0.0.1:9090/api/v1/query?query=up'
  $ promtool query instant http://127.0.0.1:9090 'sum by (job) (up)'
  $ promlearn query up --server http://127.0.0.1:9090
  $ promlearn serve --dataset session.om --port 9091
  $ promlearn serve --shift-to-now                         # Grafana: "Last 6 hours" shows the sample
  $ promlearn serve --scrape http://127.0.0.1:8080/metrics --interval 5s
  $ promlearn serve --config prometheus.yml
  Grafana: Connections > Data sources > Prometheus, URL http://127.0.0.1:9090`,
    ko: `
시각 없는 쿼리는 고정된 데이터셋이면 그 끝(샘플은 2026-01-15 12:00 UTC에
끝나요)에서, 스크레이프하는 라이브 저장소면 "now"에서 평가해요. 항상 "now"를
보내는 클라이언트(Grafana의 상대 범위, promtool, --server)도 --shift-to-now를
주면 고정된 데이터셋을 볼 수 있어요: 모든 타임스탬프를 옮겨서 serve를 시작한
때에 데이터가 끝나게 해요.

예:
  $ promlearn serve                                        # http://127.0.0.1:9090 에서 샘플 데이터셋
  $ curl 'http://127.0.0.1:9090/api/v1/query?query=up'
  $ promtool query instant http://127.0.0.1:9090 'sum by (job) (up)'
  $ promlearn query up --server http://127.0.0.1:9090
  $ promlearn serve --dataset session.om --port 9091
  $ promlearn serve --shift-to-now                         # Grafana의 "Last 6 hours"에 샘플이 보여요
  $ promlearn serve --scrape http://127.0.0.1:8080/metrics --interval 5s
  $ promlearn serve --config prometheus.yml
  Grafana: Connections > Data sources > Prometheus, URL http://127.0.0.1:9090`,
  },
} as const;
