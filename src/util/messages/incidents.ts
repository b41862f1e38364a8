// incidents messages (English, Korean). See index.ts for the %{name} parameters.

export const INCIDENT_MESSAGES = {} as const;
