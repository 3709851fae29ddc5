// Stands in for @grafana/assistant (an optional peer that pulls in @grafana/runtime): the flame graph's header
// only shows its button, and the benchmark renders the graph alone.
export const OpenAssistantButton = () => null;
