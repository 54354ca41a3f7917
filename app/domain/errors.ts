/** A rule of the domain said no. `code` is stable (for tests and logs), `message` is Dutch and shown to the user. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
