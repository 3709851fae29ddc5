/** Served by scripts/demo/server.ts: the Parca the demo talks to. */
export declare const parcaUrl: string;
