/** Bad label or field selector syntax; the message says what is wrong and where. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}
