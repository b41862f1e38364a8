// prometheus.yml scrape_configs: the supported fields read, the rest refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScrapeConfig, targetUrl, targetsFromUrls, parseBytes } from '../../src/scrape/config.js';
import type { UsageError } from '../../src/errors.js';
import { setLang } from '../../src/util/messages/index.js';

const YML = `
global:
  scrape_interval: 30s
  evaluation_interval: 30s
rule_files: [rules.yml]
scrape_configs:
  - job_name: shop
    metrics_path: /internal/metrics
    scheme: https
    params: { format: [prometheus] }
    scrape_timeout: 5s
    honor_labels: true
    basic_auth: { username: u, password: p }
    static_configs:
      - targets: ['a:8080', 'b:8080']
        labels: { env: dev }
  - job_name: node
    scrape_interval: 10s
    authorization: { credentials: tok }
    static_configs: [{ targets: ['localhost:9100'] }]
`;

test('reads job_name, static_configs, metrics_path, scheme, params, intervals, honor_labels and auth', () => {
  const ts = parseScrapeConfig(YML);
  assert.equal(ts.length, 3);
  const [a, , n] = ts;
  assert.equal(a.job, 'shop');
  assert.equal(a.address, 'a:8080');
  assert.equal(targetUrl(a), 'https://a:8080/internal/metrics?format=prometheus');
  assert.equal(a.intervalMs, 30_000);
  assert.equal(a.timeoutMs, 5_000);
  assert.equal(a.honorLabels, true);
  assert.deepEqual(a.labels, { env: 'dev' });
  assert.equal(a.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
  assert.equal(n.intervalMs, 10_000);
  assert.equal(n.timeoutMs, 10_000);
  assert.equal(n.authorization, 'Bearer tok');
  assert.equal(targetUrl(n), 'http://localhost:9100/metrics');
});

test('an unsupported field is refused with its name', () => {
  assert.throws(
    () => parseScrapeConfig('scrape_configs:\n  - job_name: x\n    relabel_configs: []\n    static_configs: [{targets: ["a:1"]}]\n'),
    /field "relabel_configs" is not supported/,
  );
  assert.throws(
    () => parseScrapeConfig('scrape_configs:\n  - job_name: x\n    kubernetes_sd_configs: [{role: pod}]\n'),
    /field "kubernetes_sd_configs"/,
  );
  assert.throws(
    () => parseScrapeConfig('global:\n  scrape_protocols: [PrometheusText0.0.4]\nscrape_configs: []\n'),
    /global: field "scrape_protocols"/,
  );
});

test('Prometheus refusals: timeout above interval, duplicate job names, bad durations, bad YAML', () => {
  assert.throws(
    () =>
      parseScrapeConfig(
        'scrape_configs:\n  - job_name: x\n    scrape_interval: 5s\n    scrape_timeout: 10s\n    static_configs: [{targets: ["a:1"]}]\n',
      ),
    /scrape timeout greater than scrape interval for scrape config with job name "x"/,
  );
  assert.throws(
    () => parseScrapeConfig('scrape_configs:\n  - job_name: x\n  - job_name: x\n'),
    /multiple scrape configs with job name "x"/,
  );
  assert.throws(() => parseScrapeConfig('scrape_configs:\n  - job_name: x\n    scrape_interval: 5 seconds\n'), /not a valid duration/);
  assert.throws(() => parseScrapeConfig('scrape_configs: [\n'), /invalid YAML/);
  assert.throws(
    () => parseScrapeConfig('scrape_configs:\n  - job_name: x\n    static_configs: [{targets: ["http://a:1/metrics"]}]\n'),
    /must be host:port/,
  );
});

test('URLs on the command line: host:port means /metrics, the timeout never exceeds the interval', () => {
  const [t] = targetsFromUrls(['127.0.0.1:8080'], { intervalMs: 1000 });
  assert.equal(targetUrl(t), 'http://127.0.0.1:8080/metrics');
  assert.equal(t.timeoutMs, 1000);
  assert.equal(t.job, 'promlearn');
  const [u] = targetsFromUrls(['https://user:pw@host/custom?x=1']);
  assert.equal(targetUrl(u), 'https://host/custom?x=1');
  assert.equal(u.address, 'host:443');
  assert.equal(u.authorization, `Basic ${Buffer.from('user:pw').toString('base64')}`);
  assert.throws(() => targetsFromUrls(['ftp://x']), /unsupported scheme/);
});

test('sizes as Prometheus writes them', () => {
  assert.equal(parseBytes('512'), 512);
  assert.equal(parseBytes('10KB'), 10240);
  assert.equal(parseBytes('5MB'), 5 * 1024 * 1024);
  assert.throws(() => parseBytes('lots'), /invalid size/);
});

test("in Korean: our sentences are Korean, Prometheus's refusals stay English with a Korean hint", () => {
  setLang('ko');
  try {
    const refusal = (yml: string) => {
      try {
        parseScrapeConfig(yml);
      } catch (e) {
        return e as UsageError;
      }
      assert.fail('no error');
    };
    const field = refusal('scrape_configs:\n  - job_name: x\n    relabel_configs: []\n');
    assert.equal(field.message, 'prometheus.yml: job "x": promlearn의 스크레이퍼는 "relabel_configs" 필드를 지원하지 않아요');
    assert.match(field.hint ?? '', /^여기서 쓸 수 있는 필드: job_name, /);
    const twice = refusal('scrape_configs:\n  - job_name: x\n  - job_name: x\n');
    assert.equal(twice.message, 'prometheus.yml: found multiple scrape configs with job name "x"');
    assert.match(twice.hint ?? '', /job_name은 설정마다 달라야 해요/);
    assert.match(refusal('scrape_configs: [\n').message, /^prometheus\.yml: YAML 문법이 잘못됐어요: /);
  } finally {
    setLang('en');
  }
  // English has no hint for a duplicate job: Prometheus's words say it all.
  assert.throws(
    () => parseScrapeConfig('scrape_configs:\n  - job_name: x\n  - job_name: x\n'),
    (e: UsageError) => e.hint === undefined,
  );
});
