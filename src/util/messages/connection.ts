// What goes wrong between promlearn and a Prometheus server
// (src/backends/http/errors.ts): refused connections, DNS, TLS, timeouts,
// HTTP statuses, and the hint for each. The server's own error text and HTTP
// status lines (401 Unauthorized) are data and stay as the server sent them.

export const CONNECTION_MESSAGES = {
  'conn.tls.untrusted': {
    en: "the server's certificate is not signed by a CA this machine trusts: pass it with --ca-file ca.pem (or, knowingly, --insecure-skip-verify)",
    ko: '서버 인증서가 이 머신이 믿는 CA로 서명되지 않았어요. --ca-file ca.pem으로 CA를 주세요(위험을 알고 쓴다면 --insecure-skip-verify)',
  },
  'conn.tls.hostname': {
    en: 'the certificate does not match the host name in --server',
    ko: '인증서가 --server의 호스트 이름과 맞지 않아요',
  },
  'conn.tls.expired': { en: "the server's certificate is expired or not yet valid", ko: '서버 인증서가 만료됐거나 아직 유효하지 않아요' },
  'conn.tls.plain': {
    en: 'is the server speaking plain HTTP? try http:// instead of https://',
    ko: '서버가 평문 HTTP로 말하고 있나요? https:// 대신 http://를 써 보세요',
  },
  'conn.tls.other': {
    en: 'check the server certificate, or pass its CA with --ca-file',
    ko: '서버 인증서를 확인하거나, --ca-file로 CA를 주세요',
  },
  'conn.retrying': {
    en: 'connection reset; retrying in %{ms} ms',
    ko: '연결이 끊겼어요. %{ms} ms 뒤에 다시 시도해요',
  },
  'conn.refused': { en: 'cannot connect to %{url}: connection refused', ko: '연결할 수 없어요: %{url} (연결 거부)' },
  'conn.refusedHint': {
    en: 'is Prometheus running at %{url}? (check --server / PROMETHEUS_URL)',
    ko: 'Prometheus가 실행 중인가요: %{url} (--server / PROMETHEUS_URL을 확인하세요)',
  },
  'conn.dns': { en: 'cannot resolve host %{host} (DNS lookup failed)', ko: '호스트 %{host}의 주소를 찾을 수 없어요(DNS 조회 실패)' },
  'conn.dnsHint': {
    en: 'check the host name in --server, and your network / DNS',
    ko: '--server의 호스트 이름과 네트워크 / DNS를 확인하세요',
  },
  'conn.unreachable': { en: 'cannot reach %{host} (%{code})', ko: '서버에 닿을 수 없어요: %{host} (%{code})' },
  'conn.unreachableHint': { en: 'check the network path to the server', ko: '서버까지의 네트워크 경로를 확인하세요' },
  'conn.connectTimeout': { en: 'connecting to %{url} timed out', ko: '연결 시간이 초과됐어요: %{url}' },
  'conn.connectTimeoutHint': {
    en: 'is the host up and the port open (no firewall dropping packets)?',
    ko: '호스트가 살아 있고 포트가 열려 있나요(패킷을 버리는 방화벽은 없나요)?',
  },
  'conn.tls': { en: 'TLS connection to %{host} failed: %{detail}', ko: 'TLS 연결 실패(%{host}): %{detail}' },
  'conn.closed': { en: 'the connection to %{url} was closed by the server', ko: '서버가 연결을 끊었어요: %{url}' },
  'conn.closedHttpHint': {
    en: 'the server or a proxy dropped the request; if it speaks HTTPS, use https:// in --server',
    ko: '서버나 프록시가 요청을 버렸어요. 서버가 HTTPS를 쓴다면 --server에 https://를 쓰세요',
  },
  'conn.closedHint': {
    en: 'the server or a proxy dropped the request; try again, or check its logs',
    ko: '서버나 프록시가 요청을 버렸어요. 다시 해 보거나 서버 로그를 확인하세요',
  },
  'conn.failed': { en: 'request to %{endpoint} failed: %{detail}%{code}', ko: '%{endpoint} 요청 실패: %{detail}%{code}' },
  'conn.timeout': { en: 'no answer from %{url} within %{limit}', ko: '%{limit} 안에 응답이 없어요: %{url}' },
  'conn.timeoutHint': {
    en: 'raise --timeout, or narrow the query (fewer series, a shorter range, a larger step)',
    ko: '--timeout을 늘리거나 쿼리 범위를 좁히세요(시계열을 줄이고, 범위를 짧게, step을 크게)',
  },
  'conn.canceled': { en: 'query canceled', ko: '쿼리가 취소됐어요' },
  'conn.tooLarge': {
    en: 'the response from %{endpoint} is larger than %{limit}; stopped reading it',
    ko: '%{endpoint}의 응답이 %{limit}보다 커서 읽기를 멈췄어요',
  },
  'conn.tooLargeHint': {
    en: 'narrow the query: add label matchers, aggregate with sum by (...), or use a shorter range / larger step',
    ko: '쿼리를 좁히세요: 레이블 매처를 더하거나, sum by (...)로 집계하거나, 범위를 짧게 / step을 크게 하세요',
  },
  'conn.stepHint': { en: 'use a larger --step or a shorter range', ko: '--step을 크게 하거나 범위를 짧게 하세요' },
  'conn.serverTimeoutHint': {
    en: 'the server gave up: narrow the query, or raise the server-side timeout',
    ko: '서버가 포기했어요. 쿼리를 좁히거나 서버 쪽 타임아웃을 늘리세요',
  },
  'conn.notFound.plain': {
    en: 'wrong path prefix? --server should be the URL Prometheus is served at, e.g. http://localhost:9090',
    ko: '경로 접두사가 틀렸나요? --server는 Prometheus가 서비스되는 URL이어야 해요. 예: http://localhost:9090',
  },
  'conn.notFound.subPath': {
    en: 'wrong path prefix? --server has the sub-path %{path}: if Prometheus is served at the root, remove it: --server %{origin}',
    ko: '경로 접두사가 틀렸나요? --server에 하위 경로(%{path})가 있어요. Prometheus가 루트에서 서비스된다면 빼세요: --server %{origin}',
  },
  'conn.notFound.root': {
    en: 'wrong path prefix? If Prometheus is served under a sub-path, add it: --server %{origin}/prometheus',
    ko: '경로 접두사가 틀렸나요? Prometheus가 하위 경로에서 서비스된다면 더하세요: --server %{origin}/prometheus',
  },
  'conn.authRejected': {
    en: 'the server rejected the credentials: check the bearer token or password',
    ko: '서버가 인증 정보를 거부했어요. bearer 토큰이나 비밀번호를 확인하세요',
  },
  'conn.authWanted': {
    en: 'the server wants credentials: use --bearer-token-file FILE (or PROMETHEUS_BEARER_TOKEN), or --user NAME',
    ko: '서버가 인증을 요구해요. --bearer-token-file FILE(또는 PROMETHEUS_BEARER_TOKEN)이나 --user NAME을 쓰세요',
  },
  'conn.forbidden': {
    en: "these credentials may not read this API (wrong tenant? multi-tenant servers need -H 'X-Scope-OrgID: tenant')",
    ko: "이 인증 정보로는 이 API를 읽을 수 없어요(테넌트가 틀렸나요? 멀티 테넌트 서버에는 -H 'X-Scope-OrgID: tenant'가 필요해요)",
  },
  'conn.redirectTo': {
    en: 'the server redirects to %{location}: use that base URL as --server',
    ko: '서버가 %{location}(으)로 리다이렉트해요. 그 기본 URL을 --server로 쓰세요',
  },
  'conn.redirect': { en: 'use the final URL as --server', ko: '최종 URL을 --server로 쓰세요' },
  'conn.starting': {
    en: 'Prometheus may be starting up (replaying its WAL) or overloaded; try again shortly',
    ko: 'Prometheus가 시작 중(WAL 재생 중)이거나 과부하일 수 있어요. 잠시 뒤 다시 해 보세요',
  },
  'conn.retry': { en: 'try again shortly', ko: '잠시 뒤 다시 해 보세요' },
  'conn.unexpected': {
    en: 'unexpected response from %{where}: HTTP %{status}, content-type %{type}: %{snippet}',
    ko: '%{where}에서 예상 밖의 응답: HTTP %{status}, content-type %{type}: %{snippet}',
  },
  'conn.speaksHttps': { en: 'the server speaks HTTPS: use https:// in --server', ko: '서버가 HTTPS를 써요. --server에 https://를 쓰세요' },
  'conn.notPrometheus': {
    en: 'is this a Prometheus API? --server should be the base URL, e.g. http://localhost:9090',
    ko: 'Prometheus API가 맞나요? --server는 기본 URL이어야 해요. 예: http://localhost:9090',
  },
} as const;
