/** One line of a text exposition: a series and its value. */
export interface ScrapedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Reads Prometheus' text exposition format back (for kube-sim's tests and its CLI users). */
export function parseExposition(text: string): ScrapedSample[] {
  return text
    .split('\n')
    .filter(line => line && !line.startsWith('#'))
    .map(line => {
      const match = SAMPLE_LINE.exec(line);
      if (!match) {
        throw new Error(`not a sample line: ${line}`);
      }
      const labels: Record<string, string> = {};
      for (const pair of (match[2] ?? '').matchAll(LABEL_PAIR)) {
        labels[pair[1]] = pair[2]
          .replace(/\\n/g, '\n')
          .replace(/\\"/g, '"')
          .replace(/\\\\/g, '\\');
      }
      return { name: match[1], labels, value: Number(match[3]) };
    });
}
