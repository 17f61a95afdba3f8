/** Polls `check` until it returns a truthy value or `timeoutMs` passes; returns that value. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Expects `promise` to reject with a GraphQL error carrying `code`; returns the error. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<Error & { codes: string[] }> {
  try {
    await promise;
  } catch (error) {
    const codes = (error as { codes?: string[] }).codes;
    if (!codes?.includes(code)) throw new Error(`expected ${code}, got ${codes?.join(',') ?? String(error)}`);
    return error as Error & { codes: string[] };
  }
  throw new Error(`expected ${code}, but the operation succeeded`);
}

/** Takes the first `count` values of an async iterable, failing after `timeoutMs`. */
export async function take<T>(iterable: AsyncIterable<T>, count: number, timeoutMs = 10_000): Promise<T[]> {
  const values: T[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`got ${values.length} of ${count} values within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    while (values.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) break;
      values.push(next.value);
    }
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
  return values;
}
