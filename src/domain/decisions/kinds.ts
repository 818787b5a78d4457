// Which status events are decisions that open a decision basis. The issue
// speaks of decisions to start, renew, pause or end an agreement; the
// register records them as events of these types (db/schema.ts EVENT_TYPES).
// "Planned", "dormant" and "activity observed" are observations, not
// decisions, and have no basis.
import type { EventType } from '../../db/schema.ts';

export const DECISION_KINDS = ['start', 'renew', 'pause', 'end'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

const KIND_OF_EVENT: Partial<Record<EventType, DecisionKind>> = {
  established: 'start',
  resumed: 'start',
  renewed: 'renew',
  paused: 'pause',
  partly_ended: 'end',
  ended: 'end',
};

/** The decision an event records, or null when it is no decision. */
export const decisionKindOf = (type: string): DecisionKind | null => KIND_OF_EVENT[type as EventType] ?? null;

/** The event types that are decisions, for a query. */
export const DECISION_EVENT_TYPES = Object.keys(KIND_OF_EVENT) as EventType[];
