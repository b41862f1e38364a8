// lessons messages (English, Korean). See index.ts for the %{name} parameters.

export const LESSON_MESSAGES = {} as const;
