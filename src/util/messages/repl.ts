// repl messages (English, Korean). See index.ts for the %{name} parameters.

export const REPL_MESSAGES = {} as const;
