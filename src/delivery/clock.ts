/** The time source of the engine; tests hand in a fake to step through retry schedules. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
