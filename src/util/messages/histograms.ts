// Messages about native histograms outside explain: an exercise that asks for
// the native (or the classic) form (src/lessons/metric-use.ts), and what
// `dataset export` leaves out (src/cli/dataset.ts).

export const HISTOGRAM_MESSAGES = {
  'judge.mustUse': {
    en: 'Your numbers are right, but the task asks you to read %{metrics}, and your query does not: write it that way.',
    ko: '숫자는 맞지만, 문제는 %{metrics}을(를) 읽으라고 해요. 쿼리가 그걸 읽지 않아요: 그렇게 써 보세요.',
  },
  'judge.mustNotUse': {
    en: 'Your numbers are right, but your query reads %{metrics}, which the task asks you not to use: see the task for the form it wants.',
    ko: '숫자는 맞지만, 쿼리가 문제에서 쓰지 말라고 한 %{metrics}을(를) 읽어요: 문제가 원하는 방식을 다시 확인해 보세요.',
  },
  'validate.metricNames': {
    en: '"%{key}:" lists metric names, got "%{name}"',
    ko: '"%{key}:"에는 메트릭 이름을 적어요. "%{name}"은(는) 메트릭 이름이 아니에요',
  },
  'export.histogramsLeftOut': {
    en: 'left out %{samples} native histogram samples of %{series} series: the text formats have no form for them%{classic}',
    ko: '네이티브 히스토그램 샘플 %{samples}개(시계열 %{series}개)는 빠졌어요: 텍스트 형식에는 이를 쓸 방법이 없어요%{classic}',
  },
  'export.classicWritten': {
    en: ' (they are converted classic histograms, whose _bucket, _count and _sum series are written)',
    ko: ' (변환된 클래식 히스토그램이라 그 _bucket, _count, _sum 시계열은 기록했어요)',
  },
} as const;
