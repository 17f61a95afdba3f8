import { NotFoundError } from '../errors';
import type { ResponseBudget } from './response-budget';

/**
 * Reads one large stored text (an event's payload, an attempt's body) within an answer's
 * budget: its stored size is charged to `budget` first, and the text is read only when it fits,
 * so a page past the budget reads at most the budget's worth of text (and one more), however
 * many rows it has. Pass batch loaders, so a page costs one statement for the sizes and one
 * for the texts that fit. A row gone between its page and this read (retention) is a
 * NotFoundError naming `entity`.
 *
 * `sizeOf` gives a row's stored size in bytes and `textOf` its text, by row id: undefined when
 * there is no such row, and `N` (null) when the row has no text (a nullable column).
 */
export function budgetedText<N extends null>(
  budget: ResponseBudget,
  entity: string,
  sizeOf: (id: string) => Promise<number | N | undefined>,
  textOf: (id: string) => Promise<string | N | undefined>,
): (id: string) => Promise<string | N> {
  return async (id) => {
    const bytes = await sizeOf(id);
    if (bytes === undefined) throw new NotFoundError(entity, id);
    if (typeof bytes !== 'number') return bytes;
    budget.charge(bytes);
    const text = await textOf(id);
    if (text === undefined) throw new NotFoundError(entity, id);
    return text;
  };
}
