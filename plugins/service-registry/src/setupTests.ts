import '@testing-library/jest-dom';

// jsdom has no 2D canvas: the topology drawing is skipped in tests (what users read is asserted instead).
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  value: () => null,
});
