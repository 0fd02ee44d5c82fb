import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['1.5', 1.5],
    ['2', 2],
    ['1Ki', 1024],
    ['10Gi', 10 * 2 ** 30],
    ['500M', 5e8],
    ['1e3', 1000],
    ['100n', 1e-7],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it('passes numbers through and rejects what is not a quantity', () => {
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity('4 cores')).toBeUndefined();
  });

  it('orders a request above its limit', () => {
    expect(parseQuantity('600Mi')! > parseQuantity('512Mi')!).toBe(true);
    expect(parseQuantity('1')! > parseQuantity('500m')!).toBe(true);
  });
});
