/**
 * A duration as kubectl's AGE column prints it (`45s`, `3m12s`, `5h`, `2d3h`, `400d`), after
 * k8s.io/apimachinery's HumanDuration.
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  if (seconds < 0) {
    return '0s';
  }
  if (seconds < 120) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const rest = seconds % 60;
    return rest ? `${minutes}m${rest}s` : `${minutes}m`;
  }
  if (minutes < 180) {
    return `${minutes}m`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest ? `${hours}h${rest}m` : `${hours}h`;
  }
  if (hours < 48) {
    return `${hours}h`;
  }
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest ? `${days}d${rest}h` : `${days}d`;
  }
  if (days < 365 * 2) {
    return `${days}d`;
  }
  const years = Math.floor(days / 365);
  const rest = days % 365;
  return years < 8 && rest ? `${years}y${rest}d` : `${years}y`;
}

/** How long ago a timestamp was, or `<unknown>` without one. */
export function ageOf(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) {
    return '<unknown>';
  }
  return humanDuration(now - Date.parse(timestamp));
}
