// Rule files, their unit tests and their evaluation (src/rules/): what
// `rules check` and `rules test` say beside promtool's English wording (which
// they keep, as promtool prints it), the sentences of our own in loading and
// testing, the `rules eval` report and the `alerts route` report. Field names (record, alert, expr, for,
// exp_alerts), alert states (pending, firing, inactive) and PromQL stay English.

export const RULES_MESSAGES = {
  // What a promtool problem means (src/rules/problem-notes.ts), on a "meaning:" line beside it
  'rules.note.yaml': {
    en: 'the file is not valid YAML: check the indentation, colons, quotes and brackets on this line and the one before',
    ko: 'YAML 문법이 맞지 않아요. 이 줄과 바로 앞 줄의 들여쓰기, 콜론(:), 따옴표, 괄호를 확인하세요',
  },
  'rules.note.unknownField': {
    en: '"%{field}" is not a field of %{type}: check its spelling and whether it belongs at another level',
    ko: '%{type}에는 "%{field}" 필드가 없어요. 철자를 확인하고, 다른 단계에 둘 필드가 아닌지 보세요',
  },
  'rules.note.unknownFieldKnown': {
    en: '"%{field}" is not a field of %{type} (its fields: %{fields}): check its spelling and whether it belongs at another level',
    ko: '%{type}에는 "%{field}" 필드가 없어요(쓸 수 있는 필드: %{fields}). 철자를 확인하고, 다른 단계에 둘 필드가 아닌지 보세요',
  },
  'rules.note.wrongKind': {
    en: 'the value has the wrong kind: %{want} belongs here, the file has %{got}',
    ko: '값의 종류가 맞지 않아요. 여기에는 %{want} 자리인데 파일에는 %{got} 값이 있어요',
  },
  'rules.kind.map': { en: 'a mapping (key: value)', ko: '매핑(키: 값)' },
  'rules.kind.list': { en: 'a list', ko: '목록' },
  'rules.kind.string': { en: 'a string', ko: '문자열' },
  'rules.kind.number': { en: 'a number', ko: '숫자' },
  'rules.kind.bool': { en: 'true or false', ko: 'true/false' },
  'rules.kind.null': { en: 'an empty value', ko: '빈' },
  'rules.note.emptyGroupName': {
    en: 'every group needs a name',
    ko: '그룹에 이름(name)이 없어요. 그룹마다 이름을 주세요',
  },
  'rules.note.repeatedGroup': {
    en: 'two groups in this file have the name "%{name}"; group names must differ within a file',
    ko: '이 파일에 이름이 "%{name}"인 그룹이 둘 있어요. 한 파일 안에서 그룹 이름은 서로 달라야 해요',
  },
  'rules.note.labelName': {
    en: 'a label name must not be empty or __name__',
    ko: '레이블 이름으로 쓸 수 없어요. 비어 있거나 __name__이면 안 돼요',
  },
  'rules.note.annotationName': {
    en: 'an annotation name must not be empty or __name__',
    ko: '어노테이션 이름으로 쓸 수 없어요. 비어 있거나 __name__이면 안 돼요',
  },
  'rules.note.recordAndAlert': {
    en: 'a rule is either a recording rule (record) or an alerting rule (alert), not both',
    ko: '규칙 하나에 record와 alert를 함께 쓸 수 없어요. 기록 규칙이면 record만, 알림 규칙이면 alert만 쓰세요',
  },
  'rules.note.noRecordOrAlert': {
    en: 'a rule needs record (a recording rule) or alert (an alerting rule)',
    ko: '규칙에 record(기록 규칙)나 alert(알림 규칙) 중 하나가 있어야 해요',
  },
  'rules.note.noExpr': {
    en: 'the rule has no expr, the PromQL expression it evaluates',
    ko: '규칙에 expr(평가할 PromQL 식)이 없어요',
  },
  'rules.note.parse': {
    en: "the rule's expr is not valid PromQL (the error's line:column are inside expr)",
    ko: '규칙의 expr가 올바른 PromQL이 아니에요(오류 위치는 expr 안의 줄:열)',
  },
  'rules.note.recordingField': {
    en: '%{field} belongs to alerting rules (alert); a recording rule (record) only has expr and labels',
    ko: '%{field}는 알림 규칙(alert)에만 쓰는 필드예요. 기록 규칙(record)에는 expr와 labels만 있어요',
  },
  'rules.note.recordName': {
    en: 'the record name must be a valid metric name',
    ko: 'record에 쓴 이름이 올바른 메트릭 이름이 아니에요',
  },
  'rules.note.recordBraces': {
    en: 'record is only the new metric name: put selectors in expr and labels to add under labels',
    ko: 'record에는 새 메트릭 이름만 써요. 셀렉터({...})는 expr에, 붙일 레이블은 labels에 쓰세요',
  },
  'rules.note.template': {
    en: 'the %{kind} "%{name}" is a Go template (text/template) that does not parse: check the {{ }} pairs and the function names',
    ko: '%{kind} "%{name}"의 값은 Go 템플릿(text/template)인데 파싱할 수 없어요. {{ }} 짝과 함수 이름을 확인하세요',
  },
  'rules.kind.label': { en: 'label', ko: '레이블' },
  'rules.kind.annotation': { en: 'annotation', ko: '어노테이션' },
  'rules.note.timestamp': {
    en: 'start_timestamp is Unix seconds (1768471200) or an RFC 3339 time (2026-01-15T10:00:00Z)',
    ko: 'start_timestamp는 유닉스 초(1768471200)나 RFC 3339 시각(2026-01-15T10:00:00Z)으로 써요',
  },
  'rules.note.limit': {
    en: "the rule returned more series (or alerts) than its group's limit, so this evaluation's output was dropped: raise limit or narrow expr",
    ko: '규칙이 그룹의 limit보다 많은 시계열(또는 알림)을 돌려줘서 이번 평가 결과를 버렸어요. limit을 늘리거나 expr를 좁히세요',
  },
  'rules.note.sameLabelset': {
    en: "once the rule's labels were applied, two series had the same labels (they differed only in a label the rule overwrote): keep a label that tells them apart, or aggregate first",
    ko: '규칙의 labels를 적용하고 나니 레이블이 똑같은 시계열이 둘 이상 생겼어요(규칙이 덮어쓴 레이블로만 구분되던 시계열이에요). 구분할 레이블을 남기거나 먼저 집계하세요',
  },
  'rules.note.notVector': {
    en: "a rule's expr must give an instant vector or a scalar; a range vector (x[5m]) or a string cannot be recorded or alerted on",
    ko: '규칙의 expr는 인스턴트 벡터나 스칼라를 돌려줘야 해요. 범위 벡터(x[5m])나 문자열은 기록하거나 알림에 쓸 수 없어요',
  },
  'rules.note.duration': {
    en: 'a duration is a number and a unit with no space, such as 30s, 5m, 1h30m or 2d (units ms, s, m, h, d, w, y)',
    ko: '기간은 30s, 5m, 1h30m, 2d처럼 숫자와 단위를 공백 없이 붙여 써요(단위: ms, s, m, h, d, w, y)',
  },

  // Our own words in rule files (src/rules/files.ts, load.ts)
  'rules.noSuchFile': { en: '%{path}: no such file', ko: '%{path}: 파일이 없어요' },
  'rules.cannotRead': { en: '%{path}: %{detail}', ko: '%{path}: 읽을 수 없어요(%{detail})' },
  'rules.duplicate': {
    en: 'duplicate rule: "%{name}"%{labels} is already defined at line %{line} (group "%{group}", rule %{index}); promtool: "duplicate rule(s) found ... Might cause inconsistency while recording expressions"',
    ko: '규칙 중복: "%{name}"%{labels}, 이미 %{line}번째 줄에 있는 규칙이에요(이쪽은 그룹 "%{group}"의 규칙 %{index}). promtool: "duplicate rule(s) found ... Might cause inconsistency while recording expressions"',
  },
  'rules.duplicateLabels': { en: ' with labels {%{labels}}', ko: '(레이블 {%{labels}})' },
  'rules.templateUnsupported': {
    en: '{{%{word}}} is not supported in rule templates (promlearn)',
    ko: 'promlearn은 규칙 템플릿에서 {{%{word}}}를 지원하지 않아요',
  },
  'rules.histogramResult': {
    en: 'rule result is a native histogram, which promlearn cannot record or alert on: wrap it in histogram_count(), histogram_sum() or histogram_quantile()',
    ko: '규칙의 결과가 네이티브 히스토그램이에요. promlearn은 이걸 기록하거나 알림에 쓸 수 없어요. histogram_count(), histogram_sum(), histogram_quantile()로 감싸세요',
  },

  // What a failed promtool unit test means (rules test), beside promtool's text
  'rules.note.alertMismatch': {
    en: 'at %{time}, the firing %{alert} alerts differ from exp_alerts: exp is what the test expects, got is what the rules produced (labels and annotations are compared)',
    ko: '%{time} 시점에 firing 상태인 %{alert} 알림이 exp_alerts와 달라요. exp는 테스트가 기대한 알림, got은 규칙이 실제로 만든 알림이에요(레이블과 어노테이션을 비교해요)',
  },
  'rules.note.exprMismatch': {
    en: 'at %{time}, %{expr} gives other samples than exp_samples: exp is what the test expects, got is the result (values in Go notation: 1E+00 is 1)',
    ko: '%{time} 시점에 %{expr}의 결과가 exp_samples와 달라요. exp는 테스트가 기대한 샘플, got은 실제 결과예요(값은 Go 표기: 1E+00은 1)',
  },
  'rules.note.exprError': {
    en: 'the promql_expr_test expression failed; the error after "err:" is the query engine\'s',
    ko: 'promql_expr_test의 식을 실행하다 오류가 났어요. "err:" 뒤가 쿼리 엔진의 오류 메시지예요',
  },
  'rules.note.ruleError': {
    en: 'evaluating rule %{rule} at %{time} failed; the error after "err:" is the query engine\'s',
    ko: '%{time} 시점에 규칙 %{rule}의 평가가 실패했어요. "err:" 뒤가 쿼리 엔진의 오류 메시지예요',
  },
  'rules.note.open': {
    en: 'the test file cannot be opened: check the path',
    ko: '테스트 파일을 열 수 없어요. 경로를 확인하세요',
  },
  'rules.note.noAlertname': {
    en: 'an item of alert_rule_test has no alertname, the alert it checks',
    ko: 'alert_rule_test 항목에 alertname(검사할 알림 이름)이 없어요',
  },
  'rules.note.evalOrder': {
    en: 'group_eval_order names a group twice',
    ko: 'group_eval_order에 같은 그룹 이름이 두 번 있어요',
  },
  'rules.note.noFileMatch': {
    en: 'no rule file matches this rule_files pattern (paths are relative to the test file)',
    ko: '이 rule_files 패턴에 맞는 규칙 파일이 없어요(경로는 테스트 파일 기준이에요)',
  },

  // Our own words in unit tests (src/rules/unittest/)
  'rules.test.inputSeries': { en: 'input_series (line %{line}): %{detail}', ko: 'input_series(%{line}번째 줄): %{detail}' },
  'rules.test.histogramValues': {
    en: 'native histogram values are not supported by promlearn: %{item}',
    ko: 'promlearn은 네이티브 히스토그램 값을 지원하지 않아요: %{item}',
  },
  'rules.test.badValue': {
    en: "invalid value %{item}: expected a number, '_', 'stale' or expanding notation such as 1+2x3",
    ko: "잘못된 값 %{item}: 숫자, '_', 'stale' 또는 1+2x3 같은 확장 표기를 쓰세요",
  },
  'rules.test.badSeries': { en: 'invalid series %{series}: %{detail}', ko: '잘못된 시계열 %{series}: %{detail}' },
  'rules.test.notSelector': {
    en: 'expected a metric name with labels, such as up{job="api"}',
    ko: 'up{job="api"}처럼 메트릭 이름과 레이블을 쓰세요',
  },
  'rules.test.notEquality': { en: 'labels must be written with =, not %{op}', ko: '레이블은 =로만 써야 해요(지금: %{op})' },
  'rules.test.histogramSamples': {
    en: '%{head}, err: labels %{labels}: native histogram samples are not supported by promlearn',
    ko: '%{head}, err: labels %{labels}: promlearn은 네이티브 히스토그램 샘플을 지원하지 않아요',
  },

  // The `rules eval` report (src/rules/report.ts)
  'rules.report.evaluated': {
    en: 'Evaluated %{start} to %{end}: %{n} rule evaluations (%{mode}).',
    ko: '%{start}부터 %{end}까지 규칙을 %{n}번 평가했어요(%{mode}).',
  },
  'rules.report.mode.rule-by-rule': { en: 'rule-by-rule', ko: '규칙별로' },
  'rules.report.mode.step-by-step': { en: 'step-by-step', ko: '시점별로' },
  'rules.report.incomplete': {
    en: 'INCOMPLETE: %{n} rule evaluations failed (see the errors below); what follows leaves them out.',
    ko: 'INCOMPLETE: 규칙 평가 %{n}번이 실패했어요(아래 오류 참고). 아래 내용에는 그 결과가 빠져 있어요.',
  },
  'rules.report.alerts': { en: 'Alerts', ko: '알림' },
  'rules.report.noAlertingRules': { en: '(no alerting rules)', ko: '(알림 규칙 없음)' },
  'rules.report.neverActive': { en: 'never active', ko: '한 번도 활성화되지 않음' },
  'rules.report.recording': { en: 'Recording rules', ko: '기록 규칙' },
  'rules.report.series': { en: '%{n} series', ko: '%{n}개 시계열' },
  'rules.report.samples': { en: '%{n} samples', ko: '%{n}개 샘플' },
  'rules.report.group': { en: '(group %{group})', ko: '(그룹 %{group})' },
  'rules.report.transitions': { en: 'Transitions', ko: '상태 변화' },
  'rules.report.head.time': { en: 'TIME', ko: '시각' },
  'rules.report.head.alert': { en: 'ALERT', ko: '알림' },
  'rules.report.head.labels': { en: 'LABELS', ko: '레이블' },
  'rules.report.head.from': { en: 'FROM', ko: '이전' },
  'rules.report.head.to': { en: 'TO', ko: '이후' },
  'rules.report.head.value': { en: 'VALUE', ko: '값' },
  'rules.report.keptFiring': { en: ' (after keep_firing_for)', ko: ' (keep_firing_for만큼 더 firing)' },
  'rules.report.neverFired': { en: 'inactive %{time} (never fired)', ko: 'inactive %{time} (firing까지 가지 않음)' },
  'rules.report.stillFiring': { en: 'still firing at the end (%{time})', ko: '끝(%{time})까지 firing' },
  'rules.report.stillPending': { en: 'still pending at the end (%{time})', ko: '끝(%{time})까지 pending' },
  'rules.report.firedFor': { en: 'fired for %{duration}', ko: '%{duration} 동안 firing' },
  'rules.report.error': {
    en: 'error: group "%{group}", rule "%{rule}": %{message}',
    ko: '오류: 그룹 "%{group}", 규칙 "%{rule}": %{message}',
  },
  'rules.report.errorAt': { en: ' (at %{times})', ko: ' (시각: %{times})' },
  'rules.report.errorMore': { en: '%{times} and %{n} more', ko: '%{times} 외 %{n}번' },

  // What Alertmanager's words about its configuration mean (src/alertmanager/problem-notes.ts)
  'alerts.note.undefinedReceiver': {
    en: 'a route sends to the receiver "%{name}", which is not defined under receivers:',
    ko: '라우트의 리시버 "%{name}": receivers:에 그런 이름의 리시버가 없어요',
  },
  'alerts.note.undefinedInterval': {
    en: 'a route names the time interval "%{name}", which is not defined under time_intervals:',
    ko: '라우트가 쓰는 시간 구간 "%{name}": time_intervals:에 그런 이름의 구간이 없어요',
  },
  'alerts.note.rootReceiver': {
    en: 'the top route takes every alert no other route takes, so it needs a receiver',
    ko: '최상위 route는 다른 라우트가 받지 않은 알림을 모두 받아서 receiver가 꼭 있어야 해요',
  },
  'alerts.note.root': {
    en: 'the top route matches every alert: matchers, continue and mute_time_intervals belong to the routes under it',
    ko: '최상위 route는 모든 알림에 맞아요. matchers, continue, mute_time_intervals는 그 아래 routes에 쓰세요',
  },
  'alerts.note.noRoute': {
    en: 'the configuration needs a top route: (with a receiver)',
    ko: '설정에 최상위 route:(receiver 포함)가 있어야 해요',
  },
  'alerts.note.zero': { en: '%{field} must be longer than 0', ko: '%{field}: 0보다 긴 기간이어야 해요' },
  'alerts.note.groupByAll': {
    en: "group_by ['...'] groups by every label: write it alone, without other label names",
    ko: "group_by ['...']는 모든 레이블로 묶는다는 뜻이라, 다른 레이블 이름과 함께 쓸 수 없어요",
  },
  'alerts.note.notUnique': {
    en: 'two entries have the same name; names must differ',
    ko: '같은 이름이 두 번 나와요. 이름은 서로 달라야 해요',
  },
  'alerts.note.matcher': {
    en: 'a matcher is label, operator and quoted value: severity="page", job=~"api|web", env!="dev"',
    ko: '매처는 레이블, 연산자, 따옴표로 감싼 값으로 써요: severity="page", job=~"api|web", env!="dev"',
  },
  'alerts.note.startAfterEnd': {
    en: 'start_time must come before end_time; an interval over midnight is two: 18:00-24:00 and 00:00-09:00',
    ko: 'start_time은 end_time보다 앞서야 해요. 자정을 넘는 구간은 18:00-24:00과 00:00-09:00 두 개로 나누세요',
  },
  'alerts.note.zone': { en: 'use an IANA time zone name such as Asia/Seoul or UTC', ko: 'Asia/Seoul, UTC 같은 IANA 시간대 이름을 쓰세요' },
  'alerts.note.timeInterval': {
    en: 'a time interval has times (start_time: 09:00, end_time: 17:00), weekdays (monday:friday), days_of_month (1:7) or months (january:march)',
    ko: '시간 구간은 times(start_time: 09:00, end_time: 17:00), weekdays(monday:friday), days_of_month(1:7), months(january:march)로 써요',
  },

  // The `alerts route` report (src/alertmanager/report.ts). Receiver names, matchers and group_by stay as configured.
  'alerts.report.routing': { en: 'Routing', ko: '라우팅' },
  'alerts.report.asAmtool': { en: ' (as amtool config routes test)', ko: ' (amtool config routes test처럼)' },
  'alerts.report.noAlerts': { en: '(the rules produced no alerts in this range)', ko: '(이 범위에서 규칙이 만든 알림이 없어요)' },
  'alerts.report.via': { en: 'via %{routes}', ko: '경로: %{routes}' },
  'alerts.report.neverFired': { en: '  (never fired: not sent)', ko: '  (firing된 적이 없어서 보내지 않음)' },
  'alerts.report.notifications': { en: 'Notifications', ko: '알림 메시지' },
  'alerts.report.none': { en: '(none)', ko: '(없음)' },
  'alerts.report.group': { en: 'group %{labels}', ko: '그룹 %{labels}' },
  'alerts.report.reason.first': { en: 'first', ko: '첫 메시지' },
  'alerts.report.reason.newAlerts': { en: 'new alerts', ko: '새 알림' },
  'alerts.report.reason.resolved': { en: 'resolved', ko: '해결됨' },
  'alerts.report.reason.allResolved': { en: 'all resolved', ko: '모두 해결됨' },
  'alerts.report.reason.repeat': { en: 'repeat', ko: '반복(repeat_interval)' },
  'alerts.report.notSent': {
    en: ' (not sent: the receiver has send_resolved off)',
    ko: ' (보내지 않음: 리시버의 send_resolved가 꺼져 있어요)',
  },
  'alerts.report.since': { en: 'since %{time}', ko: '%{time}부터' },
  'alerts.report.at': { en: 'at %{time}', ko: '%{time}에' },
  'alerts.report.heldBack': { en: 'Held back', ko: '보류된 알림' },
  'alerts.report.inhibited': { en: 'inhibited by %{by}', ko: '억제됨(inhibit): %{by}' },
  'alerts.report.muted': { en: 'muted (%{by})', ko: '음소거됨(%{by})' },
} as const;
