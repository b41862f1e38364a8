// cli messages (English, Korean). See index.ts for the %{name} parameters.

export const CLI_MESSAGES = {} as const;
