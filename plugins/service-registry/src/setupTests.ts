import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no 2D canvas: the topology drawing is skipped in tests (what users read is asserted instead).
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  value: () => null,
});

// findBy*/waitFor give up after one second by default; a page that renders a whole app and a
// material table took longer on a busy 2-core CI machine (alpha.test.tsx, 2026-11-30). A slow
// render still fails, after five seconds.
configure({ asyncUtilTimeout: 5_000 });
