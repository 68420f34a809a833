/**
 * An error's message without trusting its type (browser APIs reject with anything).
 *
 * @example
 * describe(new DOMException('Failed to set remote answer', 'InvalidStateError')); // 'Failed to set remote answer'
 */
export function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
