import { expect } from '@open-wc/testing';
import { runSteps, runStepsSliced, yieldToEventLoop } from './steps.js';

/** Three steps, then a result. */
function* threeSteps(): Generator<void, string> {
  yield;
  yield;
  yield;
  return 'done';
}

describe('runSteps and runStepsSliced', () => {
  it('run every step and return the result, the sliced one pausing between slices', async () => {
    expect(runSteps(threeSteps())).to.equal('done');
    let pauses = 0;
    expect(await runStepsSliced(threeSteps(), { sliceMs: 0, yieldToEventLoop: () => (pauses++, Promise.resolve()) })).to.equal('done');
    expect(pauses).to.equal(3);
  });

  it('stop between steps with the signal’s reason', async () => {
    const abort = new AbortController();
    const reason = new Error('stopped');
    const running = runStepsSliced(threeSteps(), { sliceMs: 0, signal: abort.signal, yieldToEventLoop: () => (abort.abort(reason), Promise.resolve()) });
    let caught: unknown;
    await running.catch((error: unknown) => (caught = error));
    expect(caught).to.equal(reason);
  });

  it('give the event loop a turn with a message to self', async () => {
    let resumed = false;
    await yieldToEventLoop().then(() => (resumed = true));
    expect(resumed).to.equal(true);
  });
});
