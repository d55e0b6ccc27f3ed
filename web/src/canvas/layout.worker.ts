// The layout worker: runs force layouts of large graphs off the main thread (web/src/canvas/layout-job.ts).
import { computeLayout, type LayoutJob } from './layout-job.ts';

self.onmessage = (ev: MessageEvent<LayoutJob>) => {
  try {
    self.postMessage(computeLayout(ev.data));
  } catch (err) {
    self.postMessage({ id: ev.data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
