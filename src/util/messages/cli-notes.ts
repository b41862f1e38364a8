// What the commands of src/cli/ say while and after they run: spinner words,
// notes on stderr, the lines of `status`, `dataset info`, `scrape`, `serve`,
// `demo-app` and `learn --validate`. Names, URLs, PromQL and Prometheus's own
// words (up/down, INCOMPLETE, promtool's output) stay as they are.

export const CLI_NOTES_MESSAGES = {
  'note.prefix': { en: 'note: %{note}', ko: '참고: %{note}' },
  'note.warning': { en: 'warning: %{message}', ko: '경고: %{message}' },
  'note.or': { en: ' or ', ko: ' 또는 ' },
  'note.running': { en: 'running the query (Ctrl-C cancels)', ko: '쿼리를 실행하는 중(Ctrl-C로 취소)' },
  'note.dataSearch': {
    en: "looking for where the server's data ends (Ctrl-C stops)",
    ko: '서버의 데이터가 끝나는 곳을 찾는 중(Ctrl-C로 멈춤)',
  },
  'note.outsideData': {
    en: 'note: the %{name} data covers %{start} to %{end}; the query time is outside it',
    ko: '참고: %{name} 데이터는 %{start}부터 %{end}까지예요. 쿼리 시각은 그 범위 밖이에요',
  },
  'note.explaining': { en: 'explaining the query (Ctrl-C cancels)', ko: '쿼리를 분석하는 중(Ctrl-C로 취소)' },

  'note.listingLabels': { en: 'listing labels', ko: '레이블을 가져오는 중' },
  'note.noLabels': { en: 'no labels', ko: '레이블이 없어요' },
  'note.noLabelValues': { en: 'no values for label "%{name}"', ko: '레이블 "%{name}"의 값이 없어요' },
  'note.onSeriesMatching': { en: ' on series matching %{selectors}', ko: '(%{selectors}에 맞는 시계열 중에서)' },
  'note.listingMetrics': { en: 'listing metrics', ko: '메트릭을 가져오는 중' },
  'note.noMetricMatches': { en: 'no metric matches "%{filter}"', ko: '"%{filter}"에 맞는 메트릭이 없어요' },
  'note.noMetrics': { en: 'no metrics', ko: '메트릭이 없어요' },
  'note.firstFamilies': {
    en: 'showing the first %{shown} of %{total} metric families; use --limit 0 for all',
    ko: '메트릭 패밀리 %{total}개 중 처음 %{shown}개만 보여줘요. 전부 보려면 --limit 0',
  },
  'note.listingSeries': { en: 'listing series', ko: '시계열을 가져오는 중' },
  'note.noSeriesMatch': { en: 'no series match %{selectors}', ko: '%{selectors}에 맞는 시계열이 없어요' },
  'note.firstSeries': {
    en: 'showing the first %{limit} series; use --limit 0 for all',
    ko: '처음 %{limit}개 시계열만 보여줘요. 전부 보려면 --limit 0',
  },

  'status.backendRemote': { en: 'backend: remote (%{source})', ko: '백엔드: 원격(%{source})' },
  'status.backendLocal': { en: 'backend: local', ko: '백엔드: 로컬' },
  'status.backendLocalFile': { en: 'backend: local (--dataset %{file})', ko: '백엔드: 로컬(--dataset %{file})' },
  'status.connected': { en: 'connected to %{description} (%{extras})', ko: '연결됐어요: %{description}(%{extras})' },
  'status.headSeries': { en: '%{n} head series', ko: 'head 시계열 %{n}개' },
  'status.dataFrom': {
    en: 'data from %{start} to %{end} (%{span}), %{n} metrics',
    ko: '데이터: %{start}부터 %{end}까지(%{span}), 메트릭 %{n}개',
  },
  'status.relative': {
    en: 'relative times such as -1h count back from %{end}',
    ko: '-1h 같은 상대 시각은 %{end}에서 거슬러 세요',
  },
  'status.metrics': { en: '%{n} metrics', ko: '메트릭 %{n}개' },

  'compare.running': { en: 'running both queries', ko: '두 쿼리를 실행하는 중' },
  'compare.range': { en: 'from %{start} to %{end} every %{step}', ko: '%{start}부터 %{end}까지 %{step}마다' },
  'compare.at': { en: 'at %{times}', ko: '%{times}에' },
  'compare.sameWord': { en: 'same', ko: '같음' },
  'compare.same': { en: '%{same}: both queries give the same results %{where}', ko: '%{same}: %{where} 두 쿼리의 결과가 같아요' },
  'compare.differentWord': { en: 'different', ko: '다름' },
  'compare.different': {
    en: '%{different}: the queries give different results %{where}:',
    ko: '%{different}: %{where} 두 쿼리의 결과가 달라요:',
  },

  'scrape.failed': { en: 'scrape of %{url} failed: ', ko: '%{url} 스크레이프 실패: ' },
  'scrape.live.one': {
    en: 'scraping %{n} target every %{every}s into a live store; queries run at now; .targets lists them',
    ko: '타깃 %{n}개를 %{every}초마다 라이브 저장소로 스크레이프해요. 쿼리는 현재 시각에 실행하고, .targets로 타깃 목록을 봐요',
  },
  'scrape.live.many': {
    en: 'scraping %{n} targets every %{every}s into a live store; queries run at now; .targets lists them',
    ko: '타깃 %{n}개를 %{every}초마다 라이브 저장소로 스크레이프해요. 쿼리는 현재 시각에 실행하고, .targets로 타깃 목록을 봐요',
  },
  'scrape.samplesIn': { en: '%{samples} samples in %{ms}ms', ko: '샘플 %{samples}개, %{ms}ms' },
  'scrape.inStore': { en: '%{series} series, %{samples} samples in the store', ko: '저장소에 시계열 %{series}개, 샘플 %{samples}개' },
  'scrape.saved': {
    en: 'saved to %{file} (OpenMetrics: promlearn query --dataset %{file} …)',
    ko: '%{file}에 저장했어요(OpenMetrics: promlearn query --dataset %{file} …)',
  },

  'serve.serving': {
    en: 'serving %{description} on %{url}  (Prometheus HTTP API at %{url}/api/v1/; Ctrl-C stops)',
    ko: '%{url}에서 제공 중: %{description}  (Prometheus HTTP API: %{url}/api/v1/; Ctrl-C로 멈춰요)',
  },
  'serve.dataShifted': {
    en: 'data from %{start} to %{end} (shifted to end now)',
    ko: '데이터: %{start}부터 %{end}까지(지금 끝나도록 옮김)',
  },
  // The text of `serve`'s / page: a learner who opens the address in a browser expecting Prometheus's UI
  'serve.root': {
    en: 'promlearn serve: the Prometheus HTTP API is at /api/v1/',
    ko: 'promlearn serve: 여기에는 웹 UI가 없고, Prometheus HTTP API는 /api/v1/ 아래에 있어요',
  },
  'serve.data': {
    en: 'data from %{start} to %{end}; queries at "now" find nothing unless you pass a time or use --shift-to-now',
    ko: '데이터: %{start}부터 %{end}까지. 시각을 주거나 --shift-to-now를 쓰지 않으면 "now"의 쿼리는 아무것도 찾지 못해요',
  },

  'demo.listening': {
    en: 'demo app listening on %{url}  (metrics: %{url}/metrics, %{rps} requests/s of traffic)',
    ko: '데모 앱이 %{url}에서 리슨 중이에요  (메트릭: %{url}/metrics, 트래픽 초당 요청 %{rps}개)',
  },
  'demo.stopped.one': {
    en: 'stopped (%{sent} requests sent, %{restarts} restart)',
    ko: '멈췄어요(보낸 요청 %{sent}개, 재시작 %{restarts}번)',
  },
  'demo.stopped.many': {
    en: 'stopped (%{sent} requests sent, %{restarts} restarts)',
    ko: '멈췄어요(보낸 요청 %{sent}개, 재시작 %{restarts}번)',
  },

  'learn.resetAll': { en: 'Progress reset for every lesson.', ko: '모든 레슨의 진행 상황을 지웠어요.' },
  'learn.resetLesson': { en: 'Progress reset for lesson %{n} (%{id}).', ko: '레슨 %{n}(%{id})의 진행 상황을 지웠어요.' },

  'rules.problems.one': {
    en: '%{n} problem in %{files}; nothing was evaluated',
    ko: '%{files}에 문제 %{n}개: 아무것도 평가하지 않았어요',
  },
  'rules.problems.many': {
    en: '%{n} problems in %{files}; nothing was evaluated',
    ko: '%{files}에 문제 %{n}개: 아무것도 평가하지 않았어요',
  },
  'rules.incomplete': {
    en: 'INCOMPLETE: some rule evaluations failed, so some alerts may be missing above',
    ko: 'INCOMPLETE: 일부 규칙 평가가 실패해서 위에 빠진 알림이 있을 수 있어요',
  },
  'rules.recorded': { en: 'rules: %{n} evaluations recorded %{names}', ko: '규칙: 평가 %{n}번, 기록한 시계열: %{names}' },
  'rules.recordedNothing': { en: 'nothing', ko: '없음' },
  'rules.readsOutput': {
    en: 'rule "%{rule}" reads %{via}, which rule "%{on}" writes; promlearn cannot write recorded series (or ALERTS) to a Prometheus server, so it cannot evaluate these rules with --server',
    ko: '규칙 "%{rule}"에서 규칙 "%{on}"의 출력(%{via})을 읽어요. promlearn은 Prometheus 서버에 기록된 시계열(이나 ALERTS)을 쓸 수 없어서 --server로는 이 규칙들을 평가할 수 없어요',
  },
  'rules.readsOutput.hint': {
    en: 'evaluate them on the sample or a --dataset file, or load the rule file into that Prometheus (rule_files:) and query its output there',
    ko: '샘플이나 --dataset 파일에서 평가하거나, 규칙 파일을 그 Prometheus에 올리고(rule_files:) 거기서 결과를 쿼리하세요',
  },

  'dataset.info.sample': {
    en: 'The sample dataset: a small online shop (Node.js services frontend, api, checkout and 3 node_exporter hosts)',
    ko: '샘플 데이터셋: 작은 온라인 쇼핑몰(Node.js 서비스 frontend, api, checkout과 node_exporter 호스트 3대)',
  },
  'dataset.info.timeRange': { en: '  time range  %{start} to %{end}', ko: '  시간 범위   %{start} ~ %{end}' },
  'dataset.info.scraped': { en: ', scraped every %{n}s', ko: ', %{n}초마다 스크레이프' },
  'dataset.info.series': { en: '  series      %{n}', ko: '  시계열      %{n}' },
  'dataset.info.metrics': { en: '  metrics     %{families}, %{names} %{note}', ko: '  메트릭      %{families}, %{names} %{note}' },
  'dataset.info.families.one': { en: '%{n} family', ko: '패밀리 %{n}개' },
  'dataset.info.families.many': { en: '%{n} families', ko: '패밀리 %{n}개' },
  'dataset.info.names.one': { en: '%{n} name', ko: '이름 %{n}개' },
  'dataset.info.names.many': { en: '%{n} names', ko: '이름 %{n}개' },
  'dataset.info.familyNote': {
    en: '(names x_bucket, x_sum and x_count are one family x, as promlearn metrics lists them)',
    ko: '(promlearn metrics처럼 x_bucket, x_sum, x_count 이름은 패밀리 x 하나로 세요)',
  },
  'dataset.info.samples': { en: '  samples     %{n}', ko: '  샘플        %{n}' },
  'dataset.info.jobs': { en: '  jobs        %{jobs}', ko: '  job         %{jobs}' },
  'dataset.info.incidents': { en: 'Incidents to find (times UTC on 2026-01-15):', ko: '찾아볼 장애(시각은 2026-01-15 UTC):' },
  'dataset.info.try': { en: 'try:', ko: '해 보기:' },
  'dataset.info.relative': {
    en: 'Relative times such as --time -1h count back from the end of the data. More: docs/dataset.md',
    ko: '--time -1h 같은 상대 시각은 데이터의 끝에서 거슬러 세요. 자세히: docs/dataset.md',
  },
  'dataset.export.wrote': {
    en: 'wrote %{samples} samples of %{series} series to %{file}',
    ko: '%{file}에 시계열 %{series}개의 샘플 %{samples}개를 썼어요',
  },
} as const;
