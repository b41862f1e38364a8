// The sample dataset's incidents (src/dataset/timeline.ts), as `dataset info`
// and the lessons name them. Instance, job, metric and function names stay English.

export const INCIDENT_MESSAGES = {
  'incident.frontend-restart.title': { en: '%{instance} restarts', ko: '%{instance} 재시작' },
  'incident.frontend-restart.description': {
    en: '%{instance} crashes and restarts at 07:12:30Z: all its counters drop to ~0 (resets() sees it; rate() handles it) and process_start_time_seconds changes.',
    ko: '%{instance} 인스턴스가 07:12:30Z에 죽었다가 재시작해요: 모든 카운터가 ~0으로 떨어지고(resets()로 보이고, rate()는 보정해요) process_start_time_seconds가 바뀌어요.',
  },
  'incident.scrape-gap.title': { en: '%{instance} cannot be scraped', ko: '%{instance} 스크레이프 실패' },
  'incident.scrape-gap.description': {
    en: '%{instance} is unreachable from 08:05Z to 08:18Z: up is 0, its other series get staleness markers and vanish from instant queries until it is back.',
    ko: '%{instance}에 08:05Z부터 08:18Z까지 연결할 수 없어요: up이 0이 되고, 나머지 시계열에는 stale 마커가 붙어서 복구될 때까지 인스턴트 쿼리 결과에서 사라져요.',
  },
  'incident.api-deploy.title': { en: 'api v2.4.0 deploy makes /api/products slow', ko: 'api v2.4.0 배포 후 /api/products가 느려짐' },
  'incident.api-deploy.description': {
    en: 'At 09:30Z the api instances restart one minute apart with app version 2.4.0 on Node 22 (shop_build_info, nodejs_version_info and process_start_time_seconds change); the p99 latency of /api/products jumps from ~100ms to ~800ms.',
    ko: '09:30Z에 api 인스턴스들이 1분 간격으로 앱 버전 2.4.0, Node 22로 재시작해요(shop_build_info, nodejs_version_info, process_start_time_seconds가 바뀌어요); /api/products의 p99 지연 시간이 ~100ms에서 ~800ms로 뛰어요.',
  },
  'incident.checkout-errors.title': { en: 'checkout 5xx burst', ko: 'checkout 5xx 급증' },
  'incident.checkout-errors.description': {
    en: 'From 10:40Z to 11:00Z about 6% of checkout requests fail with 500/503 (normally ~0.2%); orders drop.',
    ko: '10:40Z부터 11:00Z까지 checkout 요청의 약 6%가 500/503으로 실패해요(평소에는 ~0.2%); 주문이 줄어요.',
  },
  'incident.memory-leak.title': { en: '%{instance} leaks memory', ko: '%{instance} 메모리 누수' },
  'incident.memory-leak.description': {
    en: "%{instance}'s heap grows ~50 MiB per hour; from about 10:05Z predict_linear says it will pass its 512 MiB heap limit within 4 hours.",
    ko: '%{instance}의 힙이 시간당 ~50 MiB씩 늘어나요; 10:05Z쯤부터 predict_linear가 4시간 안에 힙 한도 512 MiB를 넘는다고 알려줘요.',
  },
} as const;
