/**
 * A user asked for a function's callers and callees ("Callers and callees", a right-click on a frame), in a flame
 * graph or in one of a sandwich's two graphs. The flame graph around it shows the sandwich of that function.
 */
export class ParcaSandwichSelectEvent extends Event {
  static readonly eventName = 'parca-sandwich-select' as const;
  constructor(readonly functionName: string) {
    super(ParcaSandwichSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaSandwichSelectEvent.eventName]: ParcaSandwichSelectEvent;
  }
}
