/** A tool call's arguments as JSON; a model that wrote something else gave no structured answer (null). */
export function parseToolArguments(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
