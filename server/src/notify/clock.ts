/** The time as notify sees it (tests set their own). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
