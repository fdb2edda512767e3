// The gateway's dashboard data (client/Journeys.Gateway/Dashboards/Figures).
export interface MessageFigures {
  nodeId: string; channel: string; topic: string; entered: number; requested: number; queued: number; deferred: number;
  sent: number; delivered: number; failed: number; opened: number; clicked: number; unsubscribed: number; bounced: number;
  suppressed: number; suppressedBy: Record<string, number>;
}
export interface NodeFigures {
  nodeId: string; type: string;
  entered: number; passed: number; exited: number; converted: number; suppressed: number; waiting: number;
  exits: Record<string, number>; suppressedBy: Record<string, number>;
}
export interface EdgeFigures { from: string; to: string; label: string; count: number; }
export interface JourneyLiveFigures {
  journeyId: string; name: string | null; status: string; version: number | null; firstNode: string; entered: number;
  nodes: NodeFigures[]; edges: EdgeFigures[];
}
export interface JourneyRow {
  journeyId: string; name: string | null; status: string; version: number | null; hasDraft: boolean;
  entered: number; inProgress: number; converted: number; messagesRequested: number; messagesSent: number;
}
export interface Proportion { successes: number; trials: number; rate: number; low: number; high: number; }
export interface ConversionComparison {
  treatment: Proportion; control: Proportion; difference: number; differenceLow: number; differenceHigh: number;
  relativeLift: number | null; significant: boolean;
}
export interface HoldoutResult {
  nodeId: string; percent: number; treatmentSize: number; treatmentConversions: number;
  controlSize: number; controlConversions: number; comparison: ConversionComparison | null;
}
export interface JourneyResults {
  journeyId: string; name: string | null; version: number | null; entered: number; conversions: number;
  conversionsOutsideGroups: number; messages: MessageFigures[]; holdout: HoldoutResult | null;
}
