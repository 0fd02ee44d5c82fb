/** A JSON object (not an array or null), whose members may be read without further checks. */
export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
