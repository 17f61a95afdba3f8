import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../src/delivery/delivery-log';
import type { LogPort } from '../../src/logger';
import type { AttemptResult } from '../../src/delivery/job';

function recorder() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: object, message: string) => void lines.push({ level, fields: fields as Record<string, unknown>, message });
  const logger: LogPort = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), isLevelEnabled: () => false };
  return { logger, lines };
}

function exhausted(hookId: string, n: number): AttemptResult {
  return {
    job: { hookId, deliveryId: `dlv_${n}`, eventId: `evt_${n}` },
    number: 3,
    outcome: { kind: 'http-error', status: 500, body: '' },
    next: { status: 'FAILED' },
    durationMs: 1,
  } as AttemptResult;
}

describe('DeliveryLog', () => {
  it('says one line per hook and kind per window, and the next carries how many it held back', () => {
    const { logger, lines } = recorder();
    let now = 0;
    const log = new DeliveryLog(logger, () => now, 60_000);
    const none = { disabled: [], recovered: [] };
    log.recorded([exhausted('a', 1), exhausted('a', 2), exhausted('b', 3)], none);
    now = 59_999;
    log.recorded([exhausted('a', 4)], none);
    expect(lines.map((line) => [line.fields.hookId, line.fields.deliveryId, line.fields.suppressed])).toEqual([
      ['a', 'dlv_1', undefined],
      ['b', 'dlv_3', undefined],
    ]);
    now = 60_000;
    log.recorded([exhausted('a', 5)], { disabled: [{ hookId: 'a', reason: 'gone', disabledAt: new Date(0) }], recovered: [] });
    expect(lines.slice(2).map((line) => [line.level, line.message, line.fields.suppressed])).toEqual([
      ['warn', 'hook disabled', undefined], // another kind has its own window
      ['warn', 'delivery failed: no attempts left', 2],
    ]);
  });
});
