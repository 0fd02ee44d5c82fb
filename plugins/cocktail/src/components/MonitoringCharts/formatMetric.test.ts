import { formatAxisTick, formatMetric, niceCeiling } from './formatMetric';

describe('chart numbers', () => {
  it('says each value in its unit', () => {
    expect(formatMetric('cores', 0.25)).toBe('250m');
    expect(formatMetric('cores', 1.5)).toBe('1.50 cores');
    expect(formatMetric('bytes', 512 * 2 ** 20)).toBe('512 MiB');
    expect(formatMetric('bytesPerSecond', 4300)).toBe('4.2 KiB/s');
    expect(formatMetric('count', 3)).toBe('3');
    expect(formatMetric('cores', undefined)).toBe('—');
  });

  it('keeps axis ticks short', () => {
    expect(formatAxisTick('cores', 0)).toBe('0');
    expect(formatAxisTick('cores', 0.55)).toBe('550m');
    expect(formatAxisTick('cores', 1.65)).toBe('1.65');
    expect(formatAxisTick('cores', 20)).toBe('20');
  });

  it('ends the axis on a round number above the highest value', () => {
    expect(niceCeiling(25.74)).toBe(30);
    expect(niceCeiling(14)).toBe(15);
    expect(niceCeiling(0.37)).toBe(0.4);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(0)).toBe(1);
  });
});
