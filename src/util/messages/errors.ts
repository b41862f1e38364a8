// errors messages (English, Korean). See index.ts for the %{name} parameters.

export const ERROR_MESSAGES = {} as const;
