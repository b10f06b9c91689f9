import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TeamCharge, TeamQuery, addMembers, chargeInput, codeOf, fundedTeam, memberRow } from './support.js';

/** The test's clock: the server reads it for every team charge; no wall clock involved. */
let now = new Date('2027-01-15T12:00:00Z');
const clock = () => new Date(now);
const setClock = (iso: string) => {
  now = new Date(iso);
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, undefined, { clock });
});
afterAll(async () => t?.close());

let n = 0;
const charge = (teamId: string, key: string) => t.gql(TeamCharge, { input: chargeInput(teamId, `p-${n++}`) }, key);

/** A funded team in `timeZone` with one member allowed two charges (200 millicredits) a month. */
async function teamIn(timeZone: string) {
  const { teamId, owner } = await fundedTeam(t, 100_000n, timeZone);
  const [member] = await addMembers(t, teamId, owner.key, 1, 200n);
  return { teamId, member };
}

async function useUp(teamId: string, key: string) {
  expect((await charge(teamId, key)).errors).toBeUndefined();
  expect((await charge(teamId, key)).errors).toBeUndefined();
  expect(codeOf(await charge(teamId, key))).toBe('SPEND_CAP_EXCEEDED');
}

describe('allocation periods follow the team’s own calendar', () => {
  it('resets at midnight UTC on the 1st for a UTC team, not a moment before', async () => {
    const { teamId, member } = await teamIn('UTC');
    setClock('2027-01-31T23:59:59.999Z');
    await useUp(teamId, member.key);
    setClock('2027-02-01T00:00:00.000Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 100n, periodStart: new Date('2027-02-01T00:00:00Z') });
    const view = await t.gql(TeamQuery, { id: teamId }, member.key);
    expect(view.data!.team!.members[0]).toMatchObject({ spentThisPeriodMillicredits: '100', remainingThisPeriodMillicredits: '100' });
  });

  it('resets at local midnight after the spring DST change (Europe/Berlin: 1 April 00:00 CEST = 31 March 22:00 UTC)', async () => {
    const { teamId, member } = await teamIn('Europe/Berlin');
    // DST began on 28 March 2027; a fixed +01:00 offset would reset at 23:00 UTC instead.
    setClock('2027-03-31T21:59:59Z');
    await useUp(teamId, member.key);
    setClock('2027-03-31T22:00:00Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 100n, periodStart: new Date('2027-03-31T22:00:00Z') });
  });

  it('resets at local midnight after the autumn DST change (America/New_York: 1 December 00:00 EST = 05:00 UTC)', async () => {
    const { teamId, member } = await teamIn('America/New_York');
    // November started in EDT (04:00 UTC) and ends in EST: at 04:30 UTC it is still 30 November.
    setClock('2027-11-01T04:00:00Z');
    await useUp(teamId, member.key);
    expect((await memberRow(t, teamId, member.id)).periodStart).toEqual(new Date('2027-11-01T04:00:00Z'));
    setClock('2027-12-01T04:30:00Z');
    expect(codeOf(await charge(teamId, member.key))).toBe('SPEND_CAP_EXCEEDED');
    setClock('2027-12-01T05:00:00Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
    expect((await memberRow(t, teamId, member.id)).periodStart).toEqual(new Date('2027-12-01T05:00:00Z'));
  });

  it('counts the month before the 1st in a zone ahead of UTC (Asia/Tokyo resets at 15:00 UTC on the last day)', async () => {
    const { teamId, member } = await teamIn('Asia/Tokyo');
    setClock('2027-05-31T14:59:59Z');
    await useUp(teamId, member.key);
    setClock('2027-05-31T15:00:00Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
  });

  it('never resets twice when a clock runs behind the period already started (two instances straddling midnight)', async () => {
    const { teamId, member } = await teamIn('UTC');
    setClock('2027-06-30T23:59:00Z');
    await useUp(teamId, member.key);
    setClock('2027-07-01T00:00:01Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
    // An instance whose clock still says June charges into July's allocation, not a fresh June.
    setClock('2027-06-30T23:59:59Z');
    expect((await charge(teamId, member.key)).errors).toBeUndefined();
    expect(codeOf(await charge(teamId, member.key))).toBe('SPEND_CAP_EXCEEDED');
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 200n, periodStart: new Date('2027-07-01T00:00:00Z') });
  });

  it('refuses an unknown time zone when the team is created', async () => {
    const owner = await t.account();
    for (const timeZone of ['Mars/Olympus', 'GMT+25', '', 'x'.repeat(80)]) {
      const r = await t.gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, { input: { name: 'Bad', timeZone } }, owner.key);
      if (timeZone === '') {
        // Blank means the default.
        expect(r.errors).toBeUndefined();
      } else {
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
      }
    }
  });
});
