/** Where "now" comes from for rules that depend on the calendar (team periods): tests fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
