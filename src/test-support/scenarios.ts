import { executeServerCommand } from '@web/test-runner-commands';

/** Reports what a reliability test tried, for the table printed at the end of the test run. */
export async function recordScenario(scenario: string, cases: number, failures: number): Promise<void> {
  await executeServerCommand('record-scenario', { scenario, cases, failures });
}
