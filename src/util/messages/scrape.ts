// What is wrong with scrape targets and a prometheus.yml's scrape_configs
// (src/scrape/config.ts). Field names (job_name, static_configs, metrics_path)
// stay as they are written in the file. Where Prometheus itself refuses a
// config, its English error text is kept and the hint says it in Korean.

export const SCRAPE_MESSAGES = {
  'scrape.intervalZero': {
    en: 'scrape interval must be greater than 0 for job "%{job}"',
    ko: 'job "%{job}"의 스크레이프 간격은 0보다 커야 해요',
  },
  'scrape.timeoutZero': {
    en: 'scrape timeout must be greater than 0 for job "%{job}"',
    ko: 'job "%{job}"의 스크레이프 타임아웃은 0보다 커야 해요',
  },
  'scrape.timeoutOverIntervalHint': {
    en: 'make scrape_timeout (--scrape-timeout) no longer than the interval',
    ko: '스크레이프 타임아웃이 간격보다 길어요. scrape_timeout(--scrape-timeout)을 간격 이하로 줄이세요',
  },
  'scrape.badUrl': { en: 'invalid scrape URL %{url}', ko: '잘못된 스크레이프 URL이에요: %{url}' },
  'scrape.badUrlHint': {
    en: 'give a URL such as http://127.0.0.1:9464/metrics',
    ko: 'http://127.0.0.1:9464/metrics 같은 URL을 주세요',
  },
  'scrape.badUrlScheme': { en: 'unsupported scheme in scrape URL %{url}', ko: '스크레이프 URL의 스킴을 지원하지 않아요: %{url}' },
  'scrape.unsupportedField': {
    en: '%{file}: %{where}: field "%{field}" is not supported by promlearn\'s scraper',
    ko: '%{file}: %{where}: promlearn의 스크레이퍼는 "%{field}" 필드를 지원하지 않아요',
  },
  'scrape.unsupportedFieldHint': { en: 'supported here: %{fields}', ko: '여기서 쓸 수 있는 필드: %{fields}' },
  'scrape.cannotRead': { en: 'cannot read %{file}: %{detail}', ko: '%{file} 파일을 읽을 수 없어요: %{detail}' },
  'scrape.cannotReadIn': { en: '%{file}: cannot read %{path}: %{detail}', ko: '%{file}: %{path} 파일을 읽을 수 없어요: %{detail}' },
  'scrape.badYaml': { en: '%{file}: invalid YAML: %{detail}', ko: '%{file}: YAML 문법이 잘못됐어요: %{detail}' },
  'scrape.topLevelMapping': {
    en: '%{file}: expected a mapping at the top level',
    ko: '%{file}: 파일의 최상위는 매핑(키: 값)이어야 해요',
  },
  'scrape.expectedMapping': { en: '%{file}: %{where}: expected a mapping', ko: '%{file}: %{where}: 매핑(키: 값)이어야 해요' },
  'scrape.expectedList': { en: '%{file}: %{where}: expected a list', ko: '%{file}: %{where}: 목록이어야 해요' },
  'scrape.expectedListMapping': {
    en: '%{file}: %{where}: expected a mapping of lists',
    ko: '%{file}: %{where}: 값이 목록인 매핑이어야 해요',
  },
  'scrape.jobNameRequired': { en: '%{file}: %{where}: job_name is required', ko: '%{file}: %{where}: job_name이 필요해요' },
  'scrape.duplicateJobHint': {
    en: 'give each scrape config a job_name of its own',
    ko: '같은 job_name을 가진 스크레이프 설정이 둘 이상 있어요. job_name은 설정마다 달라야 해요',
  },
  'scrape.noTargets': { en: '%{file}: no targets in scrape_configs', ko: '%{file}: scrape_configs에 타깃이 하나도 없어요' },
  'scrape.badScheme': {
    en: '%{file}: %{where}: scheme must be http or https, got %{scheme}',
    ko: '%{file}: %{where}: scheme은 http나 https여야 해요(받은 값: %{scheme})',
  },
  'scrape.staticsList': {
    en: '%{file}: %{where}: static_configs must be a list',
    ko: '%{file}: %{where}: static_configs는 목록이어야 해요',
  },
  'scrape.staticMapping': {
    en: '%{file}: %{where}: each static_configs entry must be a mapping',
    ko: '%{file}: %{where}: static_configs의 각 항목은 매핑(키: 값)이어야 해요',
  },
  'scrape.targetHostPort': {
    en: '%{file}: %{where}: target %{target} must be host:port',
    ko: '%{file}: %{where}: 타깃 %{target}: host:port 형식이어야 해요',
  },
  'scrape.targetHostPortHint': {
    en: 'put the path in metrics_path, the scheme in scheme',
    ko: '경로는 metrics_path에, 스킴은 scheme에 쓰세요',
  },
  'scrape.badLabelName': { en: '%{file}: %{where}: invalid label name %{name}', ko: '%{file}: %{where}: 잘못된 레이블 이름 %{name}' },
  'scrape.basicAndAuthorization': {
    en: '%{file}: %{where}: at most one of basic_auth and authorization may be configured',
    ko: '%{file}: %{where}: basic_auth와 authorization은 둘 중 하나만 쓸 수 있어요',
  },
  'scrape.badSize': { en: 'invalid size %{size}', ko: '잘못된 크기예요: %{size}' },
} as const;
