import type { Result } from '$lib/api/http';

/**
 * Retries a call while the network fails or the server is busy (status 0, 429, 5xx): uploads
 * over Tor drop and resume. Any other answer is final and returned as is.
 */
export async function withRetry<T>(
  call: () => Promise<Result<T>>,
  onRetry: () => void = () => {},
  attempts = 6,
): Promise<Result<T>> {
  let result = await call();
  for (let i = 1; i < attempts && !result.ok && transient(result.problem.status); i++) {
    onRetry();
    await new Promise((r) => setTimeout(r, Math.min(8000, 500 * 2 ** i)));
    result = await call();
  }
  return result;
}

export const transient = (status: number) => status === 0 || status === 429 || status >= 500;
