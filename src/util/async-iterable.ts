/** Whether `value` can be consumed with `for await`: what a subscription resolver returns on success. */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
