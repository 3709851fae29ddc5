import { executeServerCommand } from '@web/test-runner-commands';

/** Reports what a reliability test tried, for the table printed at the end of the test run. */
export async function recordScenario(scenario: string, cases: number, failures: number): Promise<void> {
  await executeServerCommand('record-scenario', { scenario, cases, failures });
}

/** Starts (or finds running) the test run's third, seeded Parca and answers its URL; same port every time. */
export async function startChaosParca(): Promise<string> {
  return await executeServerCommand<string, undefined>('chaos-parca-start');
}

/** Stops the third Parca: requests to it now fail as if the server went down. */
export async function stopChaosParca(): Promise<void> {
  await executeServerCommand('chaos-parca-stop');
}

/** Writes a profile full of hostile strings into the third Parca; answers the time it is anchored at (ms). */
export async function seedHostileProfile(): Promise<number> {
  return await executeServerCommand<number, undefined>('chaos-parca-seed-hostile');
}

/** How many requests reached Parca through the proxy's `/count/<tag>/` route (counted as they arrive). */
export async function proxyCount(tag: string): Promise<number> {
  return await executeServerCommand<number, { tag: string }>('proxy-count', { tag });
}
