/** How long until a grant expires, in words: "9 min left", "2 h 5 min left", "expired". */
export function timeLeft(expiresAt: string, now: Date = new Date()): string {
  const minutes = Math.ceil(
    (new Date(expiresAt).getTime() - now.getTime()) / 60_000,
  );
  if (minutes <= 0) {
    return 'expired';
  }
  if (minutes < 60) {
    return `${minutes} min left`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''} left`;
}

/** The durations offered, capped by the portal's maximum (which is always offered). */
export function durationChoices(maxMinutes: number): number[] {
  const choices = [10, 30, 60, 120, 240, 480].filter(m => m < maxMinutes);
  return [...choices, maxMinutes];
}

export function describeMinutes(minutes: number): string {
  if (minutes < 60) {
    return `${minutes} minutes`;
  }
  const hours = minutes / 60;
  return Number.isInteger(hours)
    ? `${hours} hour${hours === 1 ? '' : 's'}`
    : `${minutes} minutes`;
}
