/** A fetch that was refused or failed; the message says what and for which address. */
export class FetchError extends Error {
  constructor(
    message: string,
    /** True when the analyst cancelled (not a refusal). */
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
