import { quantityValue } from './quantity';

describe('quantityValue', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['1Gi', 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['1k', 1000],
    ['1e3', 1000],
    ['5E-1', 0.5],
    [3, 3],
  ])('reads %p as %p', (text, value) => {
    expect(quantityValue(text)).toBeCloseTo(value);
  });

  it.each(['', 'ten', '1Gb', '1 Gi', 'm', undefined, Infinity])(
    'refuses %p',
    text => {
      expect(quantityValue(text)).toBeUndefined();
    },
  );
});
