// Command help (src/cli/) of `rules` and `alerts`. Example lines
// (`  $ promlearn ...`) are the same in both languages; only their
// `# comments` differ.

export const CLI_RULES_MESSAGES = {
  'cli.rules.description': {
    en: 'check, evaluate and unit-test Prometheus recording and alerting rule files',
    ko: 'Prometheus 기록 규칙과 알림 규칙 파일을 검사하고, 평가하고, 단위 테스트해요',
  },
  'cli.rules.help': {
    en: `
Examples:
  $ promlearn rules check rules.yml
  $ promlearn rules eval rules.yml                      # over the 6-hour sample, every group interval
  $ promlearn rules eval rules.yml --start -1h30m --end -30m -o json    # relative to the end of the data
  $ promlearn rules test tests.yml                      # promtool's unit-test format

Exit codes: 0 ok, 1 a problem in a file, a failed evaluation or a failed test, 2 usage error.`,
    ko: `
예:
  $ promlearn rules check rules.yml
  $ promlearn rules eval rules.yml                      # 6시간 샘플 전체에서, 그룹 간격마다
  $ promlearn rules eval rules.yml --start -1h30m --end -30m -o json    # 데이터의 끝 기준
  $ promlearn rules test tests.yml                      # promtool의 단위 테스트 형식

종료 코드: 0 성공, 1 파일의 문제나 실패한 평가나 실패한 테스트, 2 사용법 오류.`,
  },
  'cli.rules.files': { en: 'rule files (YAML)', ko: '규칙 파일(YAML)' },
  'cli.opt.noColors': { en: 'no colours', ko: '색을 쓰지 않아요' },
  'cli.rules.check.description': {
    en: 'check rule files as `promtool check rules` does: YAML, fields, PromQL, templates, duplicates',
    ko: '`promtool check rules`처럼 규칙 파일을 검사해요: YAML, 필드, PromQL, 템플릿, 중복',
  },
  'cli.rules.check.help': {
    en: `
Examples:
  $ promlearn rules check rules.yml
  $ promlearn rules check rules/*.yml -o json

Problems are printed as FILE:LINE:COL: message (promtool's wording), with a
caret under PromQL errors. Duplicate rules (same name and labels), which
promtool only lints, are errors here. Exit codes: 0 valid, 1 a problem, 2 usage error.`,
    ko: `
예:
  $ promlearn rules check rules.yml
  $ promlearn rules check rules/*.yml -o json

문제는 FILE:LINE:COL: message 형식(promtool의 문구 그대로)으로 출력하고, PromQL
오류 아래에는 캐럿(^)을 표시해요. promtool은 린트로만 알려 주는 중복
규칙(이름과 레이블이 같은 규칙)도 여기서는 오류예요. 종료 코드: 0 문제 없음, 1
문제 있음, 2 사용법 오류.`,
  },
  'cli.rules.eval.description': {
    en: 'evaluate rule groups over time: alert timelines (pending, firing, resolved) and recorded series',
    ko: '시간에 따라 규칙 그룹을 평가해요: 알림 타임라인(pending, firing, resolved)과 기록된 시계열',
  },
  'cli.rules.eval.start': {
    en: 'first evaluation: RFC 3339, unix seconds or relative such as -2h (default: start of the data; --server: 1h before --end)',
    ko: '첫 평가 시각: RFC 3339, 유닉스 초, 또는 -2h 같은 상대 시각(기본값: 데이터의 시작; --server면 --end의 1시간 전)',
  },
  'cli.rules.eval.end': {
    en: 'last evaluation (default: end of the data; --server: now)',
    ko: '마지막 평가 시각(기본값: 데이터의 끝; --server면 현재)',
  },
  'cli.rules.eval.interval': {
    en: "interval of groups that set none (Prometheus's global evaluation_interval)",
    ko: '간격을 정하지 않은 그룹의 간격(Prometheus의 전역 evaluation_interval)',
  },
  'cli.rules.eval.externalUrl': {
    en: 'what {{ externalURL }} and $externalURL give',
    ko: '{{ externalURL }}과 $externalURL이 돌려줄 값',
  },
  'cli.rules.eval.externalLabel': {
    en: 'external label for $externalLabels (repeatable)',
    ko: '$externalLabels에 들어갈 외부 레이블(반복 가능)',
  },
  'cli.rules.eval.help': {
    en: `
Examples:
  $ promlearn rules eval rules.yml
  $ promlearn rules eval rules.yml --start 2026-01-15T10:30:00Z --end 2026-01-15T11:30:00Z
  $ promlearn rules eval rules.yml -o json | jq '.alerts[].episodes'
  $ promlearn rules eval rules.yml --server http://localhost:9090 --start -1h

Groups run at multiples of their interval (Prometheus adds a per-group
offset; promlearn does not). Recording rules write into the sample's store,
so later rules read them; a server cannot be written to, so rules that read
other rules' output are refused with --server. Failed evaluations are
listed and make the exit code 1: the output then says it is INCOMPLETE.`,
    ko: `
예:
  $ promlearn rules eval rules.yml
  $ promlearn rules eval rules.yml --start 2026-01-15T10:30:00Z --end 2026-01-15T11:30:00Z
  $ promlearn rules eval rules.yml -o json | jq '.alerts[].episodes'
  $ promlearn rules eval rules.yml --server http://localhost:9090 --start -1h

그룹은 간격의 배수 시각에 실행해요(Prometheus는 그룹마다 오프셋을 더하지만
promlearn은 그러지 않아요). 기록 규칙은 샘플의 저장소에 기록하므로 뒤의 규칙이
그 결과를 읽을 수 있어요. 서버에는 기록할 수 없어서, --server에서는 다른 규칙의
출력을 읽는 규칙을 거부해요. 실패한 평가는 목록으로 보여 주고 종료 코드를 1로
만들어요: 이때 출력에 INCOMPLETE라고 나와요.`,
  },
  'cli.rules.test.description': {
    en: "run unit tests in promtool's format (rule_files, input_series, alert_rule_test, promql_expr_test)",
    ko: 'promtool 형식의 단위 테스트를 실행해요(rule_files, input_series, alert_rule_test, promql_expr_test)',
  },
  'cli.rules.test.files': { en: 'test files (YAML)', ko: '테스트 파일(YAML)' },
  'cli.rules.test.run': {
    en: 'only the test groups whose name matches (repeatable)',
    ko: '이름이 맞는 테스트 그룹만(반복 가능)',
  },
  'cli.rules.test.help': {
    en: `
Examples:
  $ promlearn rules test tests.yml
  $ promlearn rules test tests.yml --run checkout -o json

Same verdicts as \`promtool test rules\`: input series in expanding notation
('0+10x30', '1 _ stale 3x2'), all groups evaluated every evaluation_interval
in group_eval_order, firing alerts compared at each eval_time, PromQL
results compared sample by sample. Exit codes: 0 all passed, 1 a failure, 2 usage error.`,
    ko: `
예:
  $ promlearn rules test tests.yml
  $ promlearn rules test tests.yml --run checkout -o json

\`promtool test rules\`와 판정이 같아요: 입력 시계열은 확장 표기법
('0+10x30', '1 _ stale 3x2')으로 쓰고, 모든 그룹을 evaluation_interval마다
group_eval_order 순서로 평가하고, firing 알림은 eval_time마다, PromQL 결과는
샘플 단위로 비교해요. 종료 코드: 0 모두 통과, 1 실패 있음, 2 사용법 오류.`,
  },

  'cli.alerts.description': {
    en: 'what Alertmanager does with the alerts your rules produce',
    ko: '규칙이 만든 알림을 Alertmanager가 어떻게 처리하는지 보여줘요',
  },
  'cli.alerts.route.description': {
    en: 'route the alerts of rule files through an Alertmanager configuration and simulate its notifications',
    ko: '규칙 파일의 알림을 Alertmanager 설정으로 라우팅하고 리시버에 갈 알림 메시지를 시뮬레이션해요',
  },
  'cli.alerts.route.config': {
    en: 'Alertmanager configuration (alertmanager.yml)',
    ko: 'Alertmanager 설정(alertmanager.yml)',
  },
  'cli.alerts.route.start': {
    en: 'first rule evaluation (default: start of the data)',
    ko: '첫 규칙 평가 시각(기본값: 데이터의 시작)',
  },
  'cli.alerts.route.end': { en: 'last rule evaluation (default: end of the data)', ko: '마지막 규칙 평가 시각(기본값: 데이터의 끝)' },
  'cli.alerts.route.interval': { en: 'interval of rule groups that set none', ko: '간격을 정하지 않은 규칙 그룹의 간격' },
  'cli.alerts.route.externalUrl': { en: 'what {{ externalURL }} gives', ko: '{{ externalURL }}이 돌려줄 값' },
  'cli.alerts.route.externalLabel': { en: 'external label (repeatable)', ko: '외부 레이블(반복 가능)' },
  'cli.alerts.route.help': {
    en: `
Examples:
  $ promlearn alerts route --config alertmanager.yml rules.yml
  $ promlearn alerts route -c alertmanager.yml rules.yml --start 2026-01-15T09:00:00Z -o json

First the receivers each alert reaches (as \`amtool config routes test\`),
then the notifications over the timeline: group_wait before the first,
group_interval between updates, repeat_interval for reminders, resolved
notifications (receivers with send_resolved), inhibitions and time intervals.
Exit codes: 0 ok, 1 a problem in a file or a failed evaluation, 2 usage error.`,
    ko: `
예:
  $ promlearn alerts route --config alertmanager.yml rules.yml
  $ promlearn alerts route -c alertmanager.yml rules.yml --start 2026-01-15T09:00:00Z -o json

먼저 알림마다 도달하는 리시버를 보여 주고(\`amtool config routes test\`처럼),
이어서 타임라인에 따라 리시버에 가는 알림 메시지를 보여줘요: 첫 메시지 전의
group_wait, 업데이트 사이의 group_interval, 다시 알리는 repeat_interval, 해결
메시지(send_resolved인 리시버), 억제(inhibition)와 시간 구간(time interval).
종료 코드: 0 성공, 1 파일의 문제나 실패한 평가, 2 사용법 오류.`,
  },
} as const;
