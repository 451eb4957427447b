/**
 * The first message for one field from next-safe-action's default ("formatted") validation errors:
 * `{ _errors?: string[], email?: { _errors?: string[] } }`.
 */
export function fieldError(errors: unknown, field: string): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  const node = (errors as Record<string, unknown>)[field];
  if (!node || typeof node !== "object") return undefined;
  const messages = (node as { _errors?: unknown })._errors;
  return Array.isArray(messages) && typeof messages[0] === "string" ? messages[0] : undefined;
}

/** Form-level messages (`_errors` at the root), e.g. from a refinement across fields. */
export function formError(errors: unknown): string | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  const messages = (errors as { _errors?: unknown })._errors;
  return Array.isArray(messages) && typeof messages[0] === "string" ? messages[0] : undefined;
}
