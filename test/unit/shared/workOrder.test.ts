import { describe, expect, it } from 'vitest';
import { transition, workOrderStatuses, type WorkOrderStatus } from '../../../shared/domain/workOrder';

describe('work-order lifecycle (issue 8)', () => {
  it('runs assigned → inProgress → completed', () => {
    const started = transition('assigned', { type: 'start' });
    expect(started).toEqual({ ok: true, status: 'inProgress', reason: null });
    expect(transition('inProgress', { type: 'complete' })).toEqual({ ok: true, status: 'completed', reason: null });
  });

  it('records unable to complete only with a reason', () => {
    expect(transition('inProgress', { type: 'unable', reason: '  dog in the garden ' })).toEqual({
      ok: true,
      status: 'unableToComplete',
      reason: 'dog in the garden',
    });
    expect(transition('assigned', { type: 'unable', reason: 'no access' })).toMatchObject({ ok: true, status: 'unableToComplete' });
    const refused = transition('inProgress', { type: 'unable', reason: '   ' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/why/);
  });

  it('refuses to complete before starting, and to start twice', () => {
    expect(transition('assigned', { type: 'complete' })).toEqual({
      ok: false,
      refusal: 'orderNotStarted',
      reason: 'Start the work order before completing it.',
    });
    expect(transition('inProgress', { type: 'start' })).toMatchObject({ ok: false, refusal: 'orderInProgress' });
  });

  it.each<WorkOrderStatus>(['completed', 'unableToComplete', 'cancelled'])('refuses every move out of the final status %s', (status) => {
    for (const event of [{ type: 'start' }, { type: 'complete' }, { type: 'cancel' }, { type: 'unable', reason: 'x' }] as const) {
      const result = transition(status, event);
      expect(result.ok).toBe(false);
    }
  });

  it('tells the installer what to do with a work order the enterprise cancelled while offline', () => {
    expect(transition('inProgress', { type: 'cancel' })).toMatchObject({ ok: true, status: 'cancelled' });
    const late = transition('cancelled', { type: 'complete' });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.reason).toMatch(/cancelled.*report back/i);
  });

  it('knows five statuses', () => {
    expect(workOrderStatuses).toHaveLength(5);
  });
});
