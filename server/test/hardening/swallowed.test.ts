import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '../../src/metrics/metrics.js';
import { swallowed } from '../../src/shared/errors.js';
import { captureLog } from '../support/log-capture.js';

const countAt = async (where: string) => {
  const metric = await metricsRegistry.getSingleMetric('creditmeter_swallowed_errors_total')?.get();
  return metric?.values.find((v) => v.labels.where === where)?.value ?? 0;
};

describe('swallowed: the one way to drop a caught error', () => {
  it('writes one warn line naming the place, and counts it by place on the metrics registry', async () => {
    const { log, lines } = captureLog();
    const before = await countAt('test.place');
    swallowed(new Error('socket closed'), 'test.place', log);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { level: number; where: string; err: { message: string } };
    expect(line).toMatchObject({ level: 40, where: 'test.place', err: { message: 'socket closed' } });
    expect(await countAt('test.place')).toBe(before + 1);
    expect(await metricsRegistry.metrics()).toContain('creditmeter_swallowed_errors_total{where="test.place"}');
  });

  it('masks what the logger masks: the values of a failed statement never reach the line', () => {
    const { log, lines } = captureLog();
    const err = Object.assign(new Error(`insert into accounts (email) values ('jane.doe@customer.example')`), {
      detail: 'Key (email)=(jane.doe@customer.example) already exists',
    });
    swallowed(err, 'test.sql', log);
    expect(lines[0]).toContain('insert into accounts');
    expect(lines[0]).not.toContain('jane.doe');
  });
});
