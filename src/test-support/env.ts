// What the test run started (see scripts/parca/test-env.ts), as the browser sees it.

/** Handed to the browser as `window.__PARCA_TEST_ENV__` by web-test-runner.config.mjs. */
export interface TestEnv {
  /** The seeded Parca; CORS allows the test page. */
  parcaUrl: string;
  /** A second Parca that allows only another origin. */
  corsRefusingUrl: string;
  /** The proxy of scripts/parca/proxy.ts in front of the seeded Parca. */
  proxyUrl: string;
  /** A loopback port nobody listens on. */
  closedUrl: string;
  seededAtMs: number;
  basic: { user: string; password: string };
  bearer: string;
  tenant: string;
}

export function testEnv(): TestEnv {
  const env = (globalThis as { __PARCA_TEST_ENV__?: TestEnv }).__PARCA_TEST_ENV__;
  if (!env) throw new Error('no test environment: run the tests with web-test-runner (npm test)');
  return env;
}

/** The range the seeded profiles lie in, as epoch ms. */
export function seededRange(env: TestEnv = testEnv()): { startMs: number; endMs: number } {
  return { startMs: env.seededAtMs - 65 * 60 * 1000, endMs: env.seededAtMs };
}

export const CPU_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
export const CPU_SAMPLES_TYPE = 'process_cpu:samples:count:cpu:nanoseconds:delta';
