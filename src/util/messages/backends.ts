// What the layers under the commands say to the user: the backend opener's
// usage errors and descriptions (src/backends/open.ts, http/config.ts,
// remote.ts), the note when a server's data ends before the query time
// (src/backends/data-note.ts), Grafana variables (src/promql/grafana.ts), the
// demo app (src/demo/), the scrape target list (src/scrape/status.ts) and the
// listeners of serve and the demo. Flags, URLs and PromQL come in as
// parameters or stay as they are; Prometheus's own wording is never here.

export const BACKEND_MESSAGES = {
  // Descriptions (`promlearn status`, the REPL banner)
  'backend.sample': { en: 'sample dataset (embedded engine)', ko: '샘플 데이터셋(내장 엔진)' },
  'backend.file': { en: '%{name} (embedded engine)', ko: '%{name}(내장 엔진)' },
  'backend.sampleRules': {
    en: 'sample dataset with recorded rules (embedded engine)',
    ko: '기록 규칙을 더한 샘플 데이터셋(내장 엔진)',
  },
  'backend.fileRules': { en: '%{name} with recorded rules (embedded engine)', ko: '기록 규칙을 더한 %{name}(내장 엔진)' },
  // Our hints under Prometheus's own scrape-config error text (src/scrape/config.ts)
  'scrape.durationHint': { en: 'use a duration such as 15s or 1m', ko: '15s, 1m 같은 기간을 쓰세요' },
  'scrape.noTargetsHint': {
    en: 'add a job with static_configs: [{targets: ["127.0.0.1:9464"]}]',
    ko: 'static_configs: [{targets: ["127.0.0.1:9464"]}] 가 있는 job을 추가하세요',
  },
  'scrape.sizeHint': { en: 'use e.g. 500KB, 10MB or a number of bytes', ko: '500KB, 10MB 같은 크기나 바이트 수를 쓰세요' },
  'backend.recorded': { en: 'recorded session %{name} (embedded engine)', ko: '기록된 세션 %{name}(내장 엔진)' },
  'backend.prometheus': { en: 'Prometheus %{version} at %{url}', ko: 'Prometheus %{version}, 주소 %{url}' },
  'backend.compatible': { en: 'Prometheus-compatible server at %{url}', ko: 'Prometheus 호환 서버, 주소 %{url}' },
  'backend.liveOne': { en: 'live store scraped from 1 target (embedded engine)', ko: '대상 1개에서 스크레이프한 라이브 저장소(내장 엔진)' },
  'backend.liveMany': {
    en: 'live store scraped from %{n} targets (embedded engine)',
    ko: '대상 %{n}개에서 스크레이프한 라이브 저장소(내장 엔진)',
  },
  'backend.loading': { en: 'loading %{name}… %{done} MB', ko: '%{name} 읽는 중… %{done} MB' },
  'backend.loadingBar': {
    en: 'loading %{name} [%{bar}] %{pct}%  %{done}/%{total} MB',
    ko: '%{name} 읽는 중 [%{bar}] %{pct}%  %{done}/%{total} MB',
  },

  // Loading a dataset file (src/dataset/load-file.ts, load-threaded.ts; the parser's own reasons stay as written)
  'dataset.cannotRead': { en: 'cannot read dataset %{file}: %{reason}', ko: '데이터셋 %{file} 파일을 읽을 수 없어요: %{reason}' },
  'dataset.noSuchFile': { en: 'no such file', ko: '파일이 없어요' },
  'dataset.isDirectory': { en: 'it is a directory', ko: '디렉터리예요' },
  'dataset.notGzip': { en: 'not a gzip file', ko: 'gzip 파일이 아니에요' },
  'dataset.readHint': {
    en: 'pass an OpenMetrics or Prometheus text-format file with timestamps',
    ko: '타임스탬프가 있는 OpenMetrics나 Prometheus 텍스트 형식 파일을 주세요',
  },
  'dataset.cannotLoad': { en: 'cannot load dataset %{file}: %{detail}', ko: '데이터셋 %{file} 파일을 불러올 수 없어요: %{detail}' },
  'dataset.loadHint': {
    en: 'the file must be OpenMetrics or Prometheus text format, with a timestamp on every sample',
    ko: '파일은 샘플마다 타임스탬프가 있는 OpenMetrics나 Prometheus 텍스트 형식이어야 해요',
  },
  'dataset.formatHint': {
    en: 'check the file is Prometheus text format or OpenMetrics',
    ko: '파일이 Prometheus 텍스트 형식이나 OpenMetrics인지 확인하세요',
  },
  'dataset.empty': { en: 'dataset %{file} has no samples', ko: '데이터셋 %{file}에 샘플이 없어요' },
  'dataset.emptyHint': {
    en: 'the file must hold metric lines such as: up{job="api"} 1 1768474800000',
    ko: '파일에 up{job="api"} 1 1768474800000 같은 메트릭 줄이 있어야 해요',
  },
  'dataset.threadStopped': {
    en: "the file's reading thread stopped (exit code %{code})",
    ko: '파일을 읽던 스레드가 멈췄어요(종료 코드 %{code})',
  },

  // The opener's usage errors (src/backends/open.ts)
  'backend.serverAndDataset': { en: '--server and --dataset cannot be used together', ko: '--server와 --dataset은 함께 쓸 수 없어요' },
  'backend.serverAndDatasetHint': {
    en: 'drop one of them (PROMETHEUS_URL counts as --server)',
    ko: '둘 중 하나를 빼세요(PROMETHEUS_URL도 --server로 쳐요)',
  },
  'backend.maxSamplesServer': {
    en: '--max-samples limits the embedded engine, not a server',
    ko: '--max-samples는 내장 엔진의 한도이고 서버에는 적용되지 않아요',
  },
  'backend.maxSamplesServerHint': {
    en: "a Prometheus server's limit is its own --query.max-samples flag; drop --max-samples with --server",
    ko: 'Prometheus 서버의 한도는 서버 자체의 --query.max-samples 플래그예요. --server와 함께라면 --max-samples를 빼세요',
  },
  'backend.nhcb': {
    en: '--nhcb converts the classic histograms of a --dataset file',
    ko: '--nhcb는 --dataset 파일의 클래식 히스토그램을 변환해요',
  },
  'backend.nhcbServerHint': {
    en: 'a server converts them when it scrapes: convert_classic_histograms_to_nhcb: true in its scrape config',
    ko: '서버는 스크레이프할 때 변환해요: 서버의 스크레이프 설정에 convert_classic_histograms_to_nhcb: true',
  },
  'backend.nhcbSampleHint': {
    en: 'the sample dataset already has http_request_duration_seconds as a native histogram beside the classic one; drop --nhcb',
    ko: '샘플 데이터셋에는 http_request_duration_seconds가 클래식 히스토그램과 함께 네이티브 히스토그램으로도 이미 있어요. --nhcb를 빼세요',
  },

  // Connection settings (src/backends/http/config.ts)
  'backend.badUrl': { en: 'invalid --server URL "%{url}"', ko: '잘못된 --server URL "%{url}"' },
  'backend.badUrlHint': { en: 'use a URL such as http://localhost:9090', ko: 'http://localhost:9090 같은 URL을 쓰세요' },
  'backend.badScheme': { en: 'unsupported scheme "%{scheme}" in --server', ko: '--server의 "%{scheme}" 스킴은 지원하지 않아요' },
  'backend.badSchemeHint': { en: 'use http:// or https://', ko: 'http:// 또는 https://를 쓰세요' },
  'backend.queryString': {
    en: '--server must not contain a query string or fragment',
    ko: '--server에는 쿼리 문자열이나 프래그먼트(#)를 넣을 수 없어요',
  },
  'backend.queryStringHint': {
    en: 'give the base URL, e.g. https://host/prometheus',
    ko: '기본 URL을 주세요. 예: https://host/prometheus',
  },
  'backend.cannotRead': { en: 'cannot read %{flag} %{file}%{code}', ko: '%{flag} %{file} 파일을 읽을 수 없어요%{code}' },
  'backend.cannotReadHint': { en: 'check the path and its permissions', ko: '경로와 권한을 확인하세요' },
  'backend.badCa': { en: '--ca-file %{file} is not a valid PEM certificate', ko: '--ca-file %{file} 파일은 올바른 PEM 인증서가 아니에요' },
  'backend.badCaHint': {
    en: 'give the CA certificate in PEM form (text between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----)',
    ko: 'CA 인증서를 PEM 형식으로 주세요(-----BEGIN CERTIFICATE-----와 -----END CERTIFICATE----- 사이의 텍스트)',
  },
  'backend.badHeader': { en: 'invalid -H header%{name}', ko: '잘못된 -H 헤더%{name}' },
  'backend.badHeaderHint': {
    en: "write it as 'Name: value', e.g. -H 'X-Scope-OrgID: tenant'",
    ko: "'Name: value' 형식으로 쓰세요. 예: -H 'X-Scope-OrgID: tenant'",
  },
  'backend.promptCanceled': { en: 'password prompt canceled', ko: '비밀번호 입력이 취소됐어요' },
  'backend.noPassword': { en: 'no password for --user %{user}', ko: '--user %{user}의 비밀번호가 없어요' },
  'backend.noPasswordHint': {
    en: 'set PROMETHEUS_PASSWORD, or run in a terminal to be prompted',
    ko: 'PROMETHEUS_PASSWORD를 설정하거나, 터미널에서 실행해 비밀번호를 입력하세요',
  },
  'backend.passwordPrompt': { en: 'Password for %{user} at %{where}:', ko: '%{user} 비밀번호(%{where}):' },
  'backend.tokenEmpty': { en: '--bearer-token-file %{file} is empty', ko: '--bearer-token-file %{file} 파일이 비어 있어요' },
  'backend.tokenAndBasic': {
    en: 'both a bearer token and basic auth were given',
    ko: 'bearer 토큰과 basic 인증이 둘 다 주어졌어요',
  },
  'backend.tokenAndBasicHint': {
    en: 'use either --bearer-token-file / PROMETHEUS_BEARER_TOKEN or --user',
    ko: '--bearer-token-file / PROMETHEUS_BEARER_TOKEN과 --user 중 하나만 쓰세요',
  },
  'backend.insecure': {
    en: 'warning: not verifying the server certificate (--insecure-skip-verify)',
    ko: '경고: 서버 인증서를 검증하지 않아요(--insecure-skip-verify)',
  },

  // The note when a server's data lies outside the query time (src/backends/data-note.ts)
  'backend.note.endsAt': {
    en: 'note: on this server the data of %{what} ends at %{at}, %{ago} before %{ref}; try %{flag} %{time}',
    ko: '참고: 이 서버에서 %{what} 데이터는 %{at} 시점에 끝나요(%{ref}보다 %{ago} 전). 이렇게 해 보세요: %{flag} %{time}',
  },
  'backend.note.endsBetween': {
    en: 'note: on this server the data of %{what} ends between %{from} and %{to}, at least %{ago} before %{ref}; try %{flag} %{time}',
    ko: '참고: 이 서버에서 %{what} 데이터는 %{from}부터 %{to} 사이에 끝나요(%{ref}보다 적어도 %{ago} 전). 이렇게 해 보세요: %{flag} %{time}',
  },
  'backend.note.startsAt': {
    en: 'note: on this server the data of %{what} starts at about %{at}, %{ago} after %{ref}; try %{flag} %{time}',
    ko: '참고: 이 서버에서 %{what} 데이터는 대략 %{at} 시점에 시작해요(%{ref}보다 %{ago} 뒤). 이렇게 해 보세요: %{flag} %{time}',
  },
  'backend.note.querySeries': { en: "the query's series", ko: '쿼리의 시계열' },
  'backend.note.rangeEnd': { en: 'the end of the range', ko: '범위의 끝' },
  'backend.note.queryTime': { en: 'the query time', ko: '쿼리 시각' },

  // Grafana variables (src/promql/grafana.ts)
  'grafana.noValue': { en: 'the Grafana variable $%{name} has no value%{builtin}', ko: 'Grafana 변수 $%{name}: 값이 없어요%{builtin}' },
  'grafana.builtins': { en: " (Grafana's built-ins here: %{names})", ko: '(여기서 쓰는 Grafana 내장 변수: %{names})' },
  'grafana.noValueHint': {
    en: 'give it one with --var %{name}=VALUE (in the REPL: .var %{name}=VALUE); repeat --var %{name}=... for a multi-value variable',
    ko: '--var %{name}=VALUE로 값을 주세요(REPL에서는 .var %{name}=VALUE). 값이 여러 개인 변수라면 --var %{name}=...를 반복하세요',
  },
  'grafana.unknownFormat': {
    en: 'unknown Grafana variable format "%{format}" in %{where}',
    ko: '%{where}의 Grafana 변수 형식 "%{format}"을 알 수 없어요',
  },
  'grafana.formats': { en: "Grafana's formats: %{formats}", ko: 'Grafana의 형식: %{formats}' },
  'grafana.substituted': { en: 'Grafana variables: %{list}%{why}', ko: 'Grafana 변수: %{list}%{why}' },
  'grafana.intervalWhy': {
    en: ' (scrape interval %{interval}; change it with --scrape-interval)',
    ko: ' (스크레이프 간격 %{interval}, --scrape-interval로 바꿀 수 있어요)',
  },
  // The demo app (src/demo/): the key line and what each key changed
  'demo.keys': {
    en: 'keys: e errors (0 → 5% → 25%)  s slow /api/products  l memory leak  c crash+restart  u user ids in route label  q quit',
    ko: '키: e 오류(0 → 5% → 25%)  s /api/products 느리게  l 메모리 누수  c 크래시+재시작  u route 레이블에 사용자 ID  q 종료',
  },
  'demo.errorsOff': { en: 'errors off', ko: '오류 끔' },
  'demo.errorsOn': { en: 'errors on: %{pct}% of requests answer 500', ko: '오류 켬: 요청의 %{pct}%가 500으로 응답해요' },
  'demo.slowOff': { en: 'slow /api/products off', ko: '/api/products 지연 끔' },
  'demo.slowOn': { en: 'slow /api/products on: 0.3-1.5 s extra latency', ko: '/api/products 지연 켬: 지연 시간 0.3-1.5 s 추가' },
  'demo.leakOn': {
    en: 'memory leak on (the app crashes when it has leaked 256 MB)',
    ko: '메모리 누수 켬(누수가 256 MB에 이르면 앱이 크래시해요)',
  },
  'demo.leakOff': { en: 'memory leak off', ko: '메모리 누수 끔' },
  'demo.rawPathsOn': {
    en: 'route label now holds raw paths with user ids: watch the series count grow',
    ko: '이제 route 레이블에 사용자 ID가 든 경로가 그대로 들어가요. 시계열 수가 느는 것을 지켜보세요',
  },
  'demo.rawPathsOff': { en: 'route label back to route templates', ko: 'route 레이블이 다시 경로 템플릿으로 돌아왔어요' },
  'demo.down': { en: '%{reason}: the app is down; restarting in %{sec}s', ko: '%{reason}: 앱이 내려갔어요. %{sec}s 뒤 재시작해요' },
  'demo.outOfMemory': { en: 'out of memory', ko: '메모리 부족' },
  'demo.crashed': { en: 'crash', ko: '크래시' },
  'demo.restarted': { en: 'restarted: every counter starts again from 0', ko: '재시작함: 모든 카운터가 0부터 다시 시작해요' },
  'demo.restartFailed': { en: 'restart failed: %{message}', ko: '재시작 실패: %{message}' },

  // Listening on a port (src/demo/app.ts, src/serve/server.ts)
  'listen.portInUse': { en: 'port %{port} on %{host} is already in use', ko: '포트 %{port}번은 이미 쓰이고 있어요(%{host})' },
  'listen.portInUseProgramHint': {
    en: 'stop the other program or choose another port with --port',
    ko: '다른 프로그램을 멈추거나 --port로 다른 포트를 고르세요',
  },
  'listen.portInUseServerHint': {
    en: 'stop the other server or choose another port with --port',
    ko: '다른 서버를 멈추거나 --port로 다른 포트를 고르세요',
  },
  'listen.noPermission': { en: 'no permission to listen on %{host}:%{port}', ko: '%{host}:%{port} 주소에서 listen할 권한이 없어요' },
  'listen.noPermissionHint': { en: 'choose a port above 1024 with --port', ko: '--port로 1024보다 큰 포트를 고르세요' },
  'listen.noAddress': {
    en: 'cannot listen on %{host}: no such local address',
    ko: '%{host} 주소에서 listen할 수 없어요: 이 머신의 주소가 아니에요',
  },
  'listen.noAddressHint': {
    en: 'use --listen 127.0.0.1 (or 0.0.0.0 for every interface)',
    ko: '--listen 127.0.0.1을 쓰세요(모든 인터페이스는 0.0.0.0)',
  },

  // The scrape target list (src/scrape/status.ts); states and column names stay Prometheus's
  'targets.none': { en: 'no targets', ko: '대상 없음' },
  'targets.never': { en: 'never', ko: '아직 없음' },
  'targets.ago': { en: '%{dur} ago', ko: '%{dur} 전' },
  'targets.error': { en: 'error:', ko: '오류:' },
} as const;
