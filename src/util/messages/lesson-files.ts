// What `promlearn learn --validate` says to a lesson's author or translator
// (src/lessons/parse.ts, rules.ts, translation.ts, validate.ts, snippets.ts,
// load.ts, alert-exercise.ts). The format's own words stay as written in
// the lesson files: field names (`hint:`, `wrong:`), block kinds (predict,
// exercise), attributes (at=, range=, focus=) and PromQL.

export const LESSON_FILE_MESSAGES = {
  // The lesson file's format (parse.ts)
  'validate.continuation': {
    en: 'an indented continuation line must follow a field',
    ko: '들여 쓴 이어지는 줄은 필드 다음에 와야 해요',
  },
  'validate.expectedField': { en: 'expected "field: value", got "%{line}"', ko: '"field: value" 형식이어야 하는데 "%{line}"이에요' },
  'validate.unknownField': {
    en: 'unknown field "%{field}" (expected one of: %{known})',
    ko: '알 수 없는 필드 "%{field}"(쓸 수 있는 필드: %{known})',
  },
  'validate.missingField': { en: 'missing field "%{field}"', ko: '"%{field}" 필드가 없어요' },
  'validate.fieldTwice': { en: 'field "%{field}" given twice', ko: '"%{field}" 필드가 두 번 있어요' },
  'validate.fieldEmpty': { en: 'field "%{field}" is empty', ko: '"%{field}" 필드가 비어 있어요' },
  'validate.unknownAttribute': {
    en: 'unknown promql block attribute "%{attr}" (expected at=-2h, range=1h or focus=instance=api-1:8080)',
    ko: '알 수 없는 promql 블록 속성 "%{attr}"(at=-2h, range=1h, focus=instance=api-1:8080 중 하나여야 해요)',
  },
  'validate.badFocus': {
    en: 'bad focus "%{value}": write label=value pairs separated by commas, e.g. focus=instance=api-1:8080',
    ko: '잘못된 focus "%{value}": label=value 쌍을 쉼표로 구분해 쓰세요. 예: focus=instance=api-1:8080',
  },
  'validate.badAt': {
    en: 'bad time "%{value}": write it relative to the data end, e.g. at=-2h30m',
    ko: '잘못된 시각 "%{value}": 데이터 끝에서부터의 상대 시각으로 쓰세요. 예: at=-2h30m',
  },
  'validate.badRange': {
    en: 'bad range "%{value}": write a duration such as range=3h',
    ko: '잘못된 범위 "%{value}": range=3h처럼 기간을 쓰세요',
  },
  'validate.emptyPromql': { en: 'empty promql block', ko: 'promql 블록이 비어 있어요' },
  'validate.twoChoices': {
    en: 'a predict block needs at least two "choice:" lines',
    ko: 'predict 블록에는 "choice:" 줄이 두 개 이상 있어야 해요',
  },
  'validate.answerNotChoice': {
    en: 'the answer "%{answer}" is not one of the choices',
    ko: '정답 "%{answer}"이(가) 선택지에 없어요',
  },
  'validate.exerciseId': {
    en: 'exercise id "%{id}" must be lowercase letters, digits and dashes',
    ko: '연습문제 id "%{id}"에는 영문 소문자, 숫자, 대시만 쓸 수 있어요',
  },
  'validate.noHint': { en: 'exercise "%{id}" has no "hint:"', ko: '연습문제 "%{id}"에 "hint:"가 없어요' },
  'validate.noWrong': { en: 'exercise "%{id}" lists no "wrong:" answers', ko: '연습문제 "%{id}"에 "wrong:" 오답이 없어요' },
  'validate.atTwice': { en: 'field "at" given twice', ko: '"at" 필드가 두 번 있어요' },
  'validate.badTime': {
    en: 'bad time "%{value}": write it relative to the data end, e.g. -2h30m',
    ko: '잘못된 시각 "%{value}": 데이터 끝에서부터의 상대 시각으로 쓰세요. 예: -2h30m',
  },
  'validate.wrongNeedsFeedback': {
    en: '"wrong:" must be followed by its "feedback:"',
    ko: '"wrong:" 다음에는 그 오답의 "feedback:"이 와야 해요',
  },
  'validate.feedbackAfterWrong': { en: '"feedback:" must follow a "wrong:"', ko: '"feedback:"은 "wrong:" 다음에 와야 해요' },
  'validate.fileName': {
    en: 'lesson file names look like "05-rate.md" (number, dash, lowercase id), got "%{name}"',
    ko: '레슨 파일 이름은 "05-rate.md"처럼 번호, 대시, 소문자 id로 써야 하는데 "%{name}"이에요',
  },
  'validate.title': { en: 'a lesson starts with a "# Title" line', ko: '레슨은 "# 제목" 줄로 시작해야 해요' },
  'validate.summary': {
    en: 'the title must be followed by a "summary: ..." line',
    ko: '제목 다음에는 "summary: ..." 줄이 와야 해요',
  },
  'validate.noSteps': {
    en: 'a lesson needs at least one "## Step" section',
    ko: '레슨에는 단계("## " 제목)가 하나 이상 있어야 해요',
  },
  'validate.headerTwice': { en: '"%{key}:" given twice', ko: '"%{key}:"가 두 번 있어요' },
  'validate.badDataFile': {
    en: 'bad %{key} file "%{file}": a path inside the lessons folder ending in .om, .txt or .prom (optionally .gz), e.g. %{key}: data/12-session.om.gz',
    ko: '잘못된 %{key} 파일 "%{file}": 레슨 폴더 안의 경로로, .om, .txt, .prom(뒤에 .gz 가능)으로 끝나야 해요. 예: %{key}: data/12-session.om.gz',
  },
  'validate.variantNeedsDataset': {
    en: '"variant:" needs a "dataset:" line: the variant is a second world of the lesson\'s own data',
    ko: '"variant:"에는 "dataset:" 줄이 있어야 해요: variant는 레슨 자체 데이터의 두 번째 세계예요',
  },
  'validate.textBeforeStep': { en: 'text before the first "## Step" heading', ko: '첫 단계 제목("## ") 앞에 본문이 있어요' },
  'validate.stepId': {
    en: 'step id "%{id}" must be lowercase letters, digits and dashes',
    ko: '단계 id "%{id}"에는 영문 소문자, 숫자, 대시만 쓸 수 있어요',
  },
  'validate.oneTitle': {
    en: 'only one "# Title" per lesson; steps use "## "',
    ko: '"# 제목"은 레슨마다 하나뿐이에요. 단계에는 "## "을 쓰세요',
  },
  'validate.noAttributes': { en: 'a %{kind} block takes no attributes', ko: '%{kind} 블록에는 속성을 붙일 수 없어요' },
  'validate.unclosed': { en: 'unclosed ``` block', ko: '``` 블록이 닫히지 않았어요' },
  'validate.blockBeforeStep': {
    en: 'a %{kind} block before the first "## Step" heading',
    ko: '첫 단계 제목("## ") 앞에 %{kind} 블록이 있어요',
  },
  'validate.exerciseTwice': {
    en: 'exercise id "%{id}" is used twice in this lesson',
    ko: '연습문제 id "%{id}"이(가) 이 레슨에서 두 번 쓰였어요',
  },
  // The course as a whole (load.ts, dataset.ts)
  'validate.numberUsed': { en: 'lesson number %{n} is also used by %{file}', ko: '레슨 번호 %{n}을(를) %{file}에서도 써요' },
  'validate.idUsed': { en: 'lesson id "%{id}" is also used by %{file}', ko: '레슨 id "%{id}"을(를) %{file}에서도 써요' },
  'validate.dataFileMissing': {
    en: 'the data file %{file} is not in %{dir} (make it with npm run record:session)',
    ko: '데이터 파일 %{file}이(가) %{dir}에 없어요(npm run record:session으로 만드세요)',
  },
  // The teaching rules (rules.ts)
  'validate.answerIsExample': {
    en: 'exercise "%{id}": the answer is an example of this lesson; ask for a new composition',
    ko: '연습문제 "%{id}": 정답이 이 레슨의 예제와 같아요. 새로운 조합을 묻는 문제로 바꾸세요',
  },
  'validate.fewWrong': {
    en: 'exercise "%{id}": list at least %{n} wrong answers',
    ko: '연습문제 "%{id}": 오답을 %{n}개 이상 적으세요',
  },
  'validate.exerciseProblem': { en: 'exercise "%{id}": %{problem}', ko: '연습문제 "%{id}": %{problem}' },
  'validate.needPredict': {
    en: 'lessons from %{n} on need at least one predict block',
    ko: '%{n}강부터는 레슨마다 predict 블록이 하나 이상 있어야 해요',
  },
  'validate.fewHints': {
    en: 'give at least %{n} hints (a nudge first, a skeleton with %{blank} last)',
    ko: '힌트를 %{n}개 이상 주세요(처음엔 방향만, 마지막엔 %{blank} 빈칸이 있는 뼈대)',
  },
  'validate.lastHintSkeleton': {
    en: 'the last hint should be a skeleton with %{blank} blanks',
    ko: '마지막 힌트는 %{blank} 빈칸이 있는 뼈대여야 해요',
  },
  'validate.onlyLastSkeleton': {
    en: 'only the last hint is a skeleton: the first ones nudge',
    ko: '뼈대는 마지막 힌트뿐이에요: 앞의 힌트는 방향만 알려 줘요',
  },
  'validate.hintGivesAnswer': {
    en: 'hint %{n} gives the answer away (only .answer shows it)',
    ko: '힌트 %{n}에 정답이 드러나요(정답은 .answer로만 보여 줘요)',
  },
  // Running the course (validate.ts, snippets.ts, alert-exercise.ts)
  'validate.exampleNoData': { en: 'example `%{query}` returns no data', ko: '예제 `%{query}`의 결과가 비어 있어요' },
  'validate.exampleFails': { en: 'example `%{query}` fails: %{message}', ko: '예제 `%{query}` 실행이 실패해요: %{message}' },
  'validate.answerFails': {
    en: 'exercise "%{id}": the answer fails: %{message}',
    ko: '연습문제 "%{id}": 정답 실행이 실패해요: %{message}',
  },
  'validate.answerNoData': {
    en: 'exercise "%{id}": the answer returns no data',
    ko: '연습문제 "%{id}": 정답의 결과가 비어 있어요',
  },
  'validate.answerNotSelf': {
    en: 'exercise "%{id}": the answer is not judged right against itself: %{messages}',
    ko: '연습문제 "%{id}": 정답을 정답과 비교했는데 맞다고 채점되지 않아요: %{messages}',
  },
  'validate.wrongAnswer': {
    en: 'exercise "%{id}": the wrong answer `%{query}` %{problem}',
    ko: '연습문제 "%{id}": 오답 `%{query}`%{problem}',
  },
  'validate.wrongJudgedRight': { en: 'is judged right', ko: '이(가) 정답으로 채점돼요' },
  'validate.wrongSameAs': {
    en: "gives the same results as the wrong answer `%{query}`, so a learner would read that one's feedback",
    ko: '은(는) 오답 `%{query}`와 결과가 같아서, 학습자는 그 오답의 피드백을 보게 돼요',
  },
  'validate.wrongNotRecognised': {
    en: 'is not recognised by its results',
    ko: '은(는) 결과로 알아볼 수 없어요',
  },
  'validate.alertProblem': { en: 'alert exercise "%{id}": %{message}', ko: '알림 연습문제 "%{id}": %{message}' },
  'validate.alertNeverFires': {
    en: 'alert exercise "%{id}": the answer never fires',
    ko: '알림 연습문제 "%{id}": 정답 규칙이 한 번도 발생하지 않아요',
  },
  'validate.alertWrongFiresAsAnswer': {
    en: 'alert exercise "%{id}": the wrong answer `%{query}` fires exactly as the answer',
    ko: '알림 연습문제 "%{id}": 오답 `%{query}`이(가) 정답과 똑같이 발생해요',
  },
  'validate.noPromClient': {
    en: 'cannot check the prom-client snippets: prom-client is not installed (it is a dev dependency: npm install)',
    ko: 'prom-client 코드 조각을 확인할 수 없어요: prom-client가 설치돼 있지 않아요(개발 의존성이에요: npm install)',
  },
  'validate.snippetThrows': {
    en: 'this prom-client snippet throws: %{failure}',
    ko: '이 prom-client 코드 조각이 예외를 던져요: %{failure}',
  },
  'validate.snippetRequires': {
    en: 'the snippet requires "%{name}", which the check does not provide',
    ko: '코드 조각이 "%{name}"을(를) require하는데, 검사 환경에는 없는 모듈이에요',
  },
  'validate.noBody': { en: 'its GET route did not send a body', ko: 'GET 라우트가 본문을 보내지 않았어요' },
  // A translation against the English (translation.ts)
  'validate.noTranslation': {
    en: 'lesson %{n} (%{id}) has no %{lang} translation',
    ko: '%{n}강(%{id})에 %{lang} 번역이 없어요',
  },
  'validate.noOriginal': {
    en: 'lesson %{n} (%{id}) has no English original',
    ko: '%{n}강(%{id})에 영어 원본이 없어요',
  },
  'validate.lessonName': { en: 'lesson %{n} (%{id})', ko: '%{n}강(%{id})' },
  'validate.stepName': { en: '%{lesson}, step %{n} (%{id})', ko: '%{lesson}, %{n}단계(%{id})' },
  'validate.fileNamedFor': {
    en: '%{lesson}: the file is named for "%{got}", the English one for "%{want}"',
    ko: '%{lesson}: 파일 이름은 "%{got}"인데, 영어 파일은 "%{want}"이에요',
  },
  'validate.differs': { en: '%{what}: %{got}, in English %{want}', ko: '%{what}: %{got}, 영어는 %{want}' },
  'validate.stepCount': { en: '%{lesson}: %{got} steps, in English %{want}', ko: '%{lesson}: %{got}단계, 영어는 %{want}단계' },
  'validate.stepIdDiffers': {
    en: '%{where}: step id "%{id}" (name it in the heading: ## %{title} {#%{enId}})',
    ko: '%{where}: 단계 id가 "%{id}"예요(제목에 id를 적으세요: ## %{title} {#%{enId}})',
  },
  'validate.blocks': { en: 'blocks: %{got}; in English %{want}', ko: '블록: %{got}, 영어는 %{want}' },
  'validate.blocksNone': { en: 'none', ko: '없음' },
  'validate.notSet': { en: 'not set', ko: '없음' },
  'validate.field.query': { en: '%{name}: the query', ko: '%{name}: 쿼리' },
  'validate.field.at': { en: '%{name}: the at= attribute', ko: '%{name}: at= 속성' },
  'validate.field.range': { en: '%{name}: the range= attribute', ko: '%{name}: range= 속성' },
  'validate.field.focus': { en: '%{name}: the focus= attribute', ko: '%{name}: focus= 속성' },
  'validate.field.choices': { en: 'predict: the number of choices', ko: 'predict: 선택지 개수' },
  'validate.field.predictAnswer': { en: 'predict: the answer (choice number)', ko: 'predict: 정답(선택지 번호)' },
  'validate.field.answer': { en: '%{name}: answer', ko: '%{name}: 정답' },
  'validate.field.wrong': { en: '%{name}: the wrong answers', ko: '%{name}: 오답' },
  'validate.field.hints': { en: '%{name}: the number of hints', ko: '%{name}: 힌트 개수' },
  'validate.field.skeleton': { en: '%{name}: the last hint (the skeleton)', ko: '%{name}: 마지막 힌트(뼈대)' },
  'validate.exerciseName': { en: 'exercise "%{id}"', ko: '연습문제 "%{id}"' },
  'validate.alertExerciseName': { en: 'alert-exercise "%{id}"', ko: '알림 연습문제 "%{id}"' },
  // The summary (validate.ts: validationSummary)
  'validate.counts': {
    en: '%{lessons} lessons, %{examples} examples, %{predicts} predictions, %{exercises} exercises, %{wrong} wrong answers (%{byResults} recognised by their results), %{snippets} prom-client snippets',
    ko: '레슨 %{lessons}개, 예제 %{examples}개, 예측 %{predicts}개, 연습문제 %{exercises}개, 오답 %{wrong}개(결과로 알아본 것 %{byResults}개), prom-client 코드 조각 %{snippets}개',
  },
  'validate.translated': { en: '; %{lang}: %{counts}, compared with the English', ko: '; %{lang}: %{counts}, 영어와 비교함' },
  'validate.checked': { en: '%{counts} checked%{translated}', ko: '%{counts} 확인%{translated}' },
  'validate.problemOne': { en: '%{n} problem in the lessons (%{summary})', ko: '레슨에 문제 %{n}개(%{summary})' },
  'validate.problemMany': { en: '%{n} problems in the lessons (%{summary})', ko: '레슨에 문제 %{n}개(%{summary})' },
  'validate.field.exampleName': { en: 'example `%{query}`', ko: '예제 `%{query}`' },
} as const;
