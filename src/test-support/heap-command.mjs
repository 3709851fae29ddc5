// Server side of the leak tests' `gc-heap` command (web-test-runner.config.mjs): forces a full garbage
// collection in the test's Chromium page over the DevTools protocol, then reads what is still alive.

/** @param {{ id: string, browser: { getPage(id: string): import('puppeteer-core').Page } }} session */
export async function gcHeapCommand(session) {
  const cdp = await session.browser.getPage(session.id).createCDPSession();
  try {
    // Twice: what the first collection's finalizers released goes in the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return {
      jsBytes: heap.usedSize,
      embedderBytes: heap.embedderHeapUsedSize ?? 0,
      backingBytes: heap.backingStorageSize ?? 0,
      nodes: dom.nodes,
      documents: dom.documents,
      jsEventListeners: dom.jsEventListeners,
    };
  } finally {
    await cdp.detach();
  }
}
