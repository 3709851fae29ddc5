import { expect } from '@open-wc/testing';
import { placeOverlay } from './overlay.js';

describe('overlay placement', () => {
  const size = { width: 100, height: 40 };
  const box = { width: 500, height: 300 };

  it('goes right of and below the point when it fits', () => {
    expect(placeOverlay(50, 50, size, box)).to.deep.equal({ left: 62, top: 62 });
  });

  it('flips left and above near the right and bottom edges, and never leaves the box', () => {
    expect(placeOverlay(450, 280, size, box)).to.deep.equal({ left: 338, top: 228 });
    expect(placeOverlay(5, 290, { width: 600, height: 400 }, box).left).to.equal(0);
    expect(placeOverlay(5, 5, size, box, { gap: 0 })).to.deep.equal({ left: 5, top: 5 });
  });

  it('goes above the point by preference when asked, below when there is no room above', () => {
    expect(placeOverlay(50, 100, size, box, { above: true })).to.deep.equal({ left: 62, top: 48 });
    expect(placeOverlay(50, 20, size, box, { above: true })).to.deep.equal({ left: 62, top: 32 });
  });
});
