/**
 * The report's way (DOMAIN.md §4) as one table: received → 受理 (accepted) → 处置 (disposed,
 * or under 初步核实 as investigating) → 办结 (concluded) → closed → archived. Clocks for
 * real-name reports: the acceptance notice within 15 working days of receipt, the result
 * told within 15 working days of closing. Pure: no database, no clock.
 */
import type { Disposal, ReportState } from './supervision.tables.js';

export const reportEvents = ['accept', 'dispose', 'conclude', 'close', 'archive'] as const;
export type ReportEvent = (typeof reportEvents)[number];

export const ACCEPT_NOTICE_WORKING_DAYS = 15;
export const FEEDBACK_WORKING_DAYS = 15;
/** A level keeps (受理) or transfers a report within 5 working days of its arrival (DOMAIN.md §4). */
export const TRANSFER_WORKING_DAYS = 5;

const from: Record<ReportEvent, readonly ReportState[]> = {
  accept: ['received'],
  dispose: ['accepted'],
  conclude: ['disposed', 'investigating'],
  close: ['concluded'],
  archive: ['closed'],
};

/** The state after `event`, or undefined when the state does not allow it. 初步核实 continues as an investigation. */
export function nextState(state: ReportState, event: ReportEvent, disposal?: Disposal): ReportState | undefined {
  if (!from[event].includes(state)) return undefined;
  switch (event) {
    case 'accept':
      return 'accepted';
    case 'dispose':
      return disposal === 'preliminary_check' ? 'investigating' : 'disposed';
    case 'conclude':
      return 'concluded';
    case 'close':
      return 'closed';
    case 'archive':
      return 'archived';
  }
}

export function eventsFrom(state: ReportState): ReportEvent[] {
  return reportEvents.filter((e) => from[e].includes(state));
}
