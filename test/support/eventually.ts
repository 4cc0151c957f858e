/** Retries `probe` until it returns a value (not undefined), for effects that land after the response (audit rows). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
