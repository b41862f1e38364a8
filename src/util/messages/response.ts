// A server's answers that are not the Prometheus API's shapes
// (src/backends/http/shape.ts): which server, which endpoint, what was where.
// JSON paths (data.result[3].metric), field names and the API's own words
// (vector, matrix, "value") stay as they are written in the answer.

export const RESPONSE_MESSAGES = {
  'response.badShape': {
    en: "the server at %{server} answered %{endpoint} with %{what} at %{where}, which is not Prometheus's API format",
    ko: '%{server} 서버가 %{endpoint}에 Prometheus API 형식이 아닌 답을 보냈어요. %{where}: %{what}',
  },
  'response.badShapeHint': {
    en: 'is --server a Prometheus-compatible API? It should be the base URL, e.g. http://localhost:9090 (promlearn adds /api/v1/...)',
    ko: '--server가 Prometheus 호환 API인가요? 기본 URL이어야 해요. 예: http://localhost:9090 (/api/v1/...은 promlearn이 붙여요)',
  },
  // What was found where something else belongs: "%{found} where %{expected} belongs".
  'response.foundWhere': { en: '%{found} where %{expected} belongs', ko: '%{expected} 대신 %{found}' },
  'response.seriesWithoutMetric': { en: 'a series without "metric"', ko: '"metric"이 없는 시계열' },
  'response.valueAndHistogram': { en: 'a sample with both "value" and "histogram"', ko: '"value"와 "histogram"을 둘 다 가진 샘플' },
  'response.badResultType': {
    en: '%{found}, not vector, matrix, scalar or string',
    ko: '%{found}(vector, matrix, scalar, string 중 하나여야 해요)',
  },

  // How a JSON value looks (describeJson)
  'response.json.nothing': { en: 'nothing', ko: '아무것도 없음' },
  'response.json.array': { en: 'an array of %{n}', ko: '원소 %{n}개짜리 배열' },
  'response.json.string': { en: 'the string %{text}', ko: '문자열 %{text}' },
  'response.json.object': { en: 'an object', ko: '객체' },
  'response.json.number': { en: 'the number %{value}', ko: '숫자 %{value}' },
  'response.json.other': { en: '%{type} %{value}', ko: '%{type} 값 %{value}' },

  // What belongs there (the `expected` of response.foundWhere)
  'response.want.labelSet': { en: 'a label set (an object)', ko: '레이블 집합(객체)' },
  'response.want.labelValue': { en: 'a label value (a string)', ko: '레이블 값(문자열)' },
  'response.want.sample': { en: 'a sample [unix seconds, "value"]', ko: '샘플 [유닉스 초, "값"]' },
  'response.want.series': { en: 'a series (an object)', ko: '시계열(객체)' },
  'response.want.bucket': {
    en: 'a bucket [boundary rule 0-3, "lower", "upper", "count"]',
    ko: '버킷 [경계 규칙 0-3, "하한", "상한", "개수"]',
  },
  'response.want.histogram': { en: 'a native histogram (an object)', ko: '네이티브 히스토그램(객체)' },
  'response.want.histogramField': {
    en: "the histogram's %{field} (a number as a string)",
    ko: '히스토그램의 %{field}(문자열로 쓴 숫자)',
  },
  'response.want.buckets': { en: 'a list of buckets', ko: '버킷 목록' },
  'response.want.histogramSample': {
    en: 'a histogram sample [unix seconds, {count, sum, buckets}]',
    ko: '히스토그램 샘플 [유닉스 초, {count, sum, buckets}]',
  },
  'response.want.vector': { en: 'a vector (an array)', ko: 'vector(배열)' },
  'response.want.matrix': { en: 'a matrix (an array)', ko: 'matrix(배열)' },
  'response.want.histogramSamples': { en: 'a list of histogram samples', ko: '히스토그램 샘플 목록' },
  'response.want.samples': { en: 'a list of samples', ko: '샘플 목록' },
  'response.want.result': { en: 'the result (an object)', ko: '결과(객체)' },
  'response.want.strings': { en: 'a list of strings', ko: '문자열 목록' },
  'response.want.string': { en: 'a string', ko: '문자열' },
  'response.want.seriesList': { en: 'a list of series', ko: '시계열 목록' },
  'response.want.metadata': { en: 'metadata (an object)', ko: '메타데이터(객체)' },
  'response.want.metadataList': { en: 'a list of metadata', ko: '메타데이터 목록' },

  // The query worker thread (src/backends/worker.ts): internal failures, not the learner's mistakes
  'worker.exited': { en: 'the query worker exited', ko: '쿼리 워커 스레드가 종료됐어요' },
  'worker.failed': { en: 'the query worker failed: %{detail}', ko: '쿼리 워커 스레드가 실패했어요: %{detail}' },
  'worker.closed': { en: 'the backend is closed', ko: '백엔드가 이미 닫혔어요' },
} as const;
