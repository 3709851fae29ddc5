import { expect } from '@open-wc/testing';
import { fitLabel } from './label-fit.js';

/** Every character 1 unit wide: what fits is plain to count. */
const width = (text: string) => [...text].length;

describe('fitting a frame name into its width', () => {
  it('keeps a name that fits whole', () => {
    expect(fitLabel('main', 4, width)).to.equal('main');
    expect(fitLabel('main', 4, width, 'right')).to.equal('main');
  });

  it('cuts the end of a long name, or its start when aligned right', () => {
    const name = 'runtime.gcBgMarkWorker';
    expect(fitLabel(name, 8, width)).to.equal('runtime…');
    expect(fitLabel(name, 8, width, 'right')).to.equal('…kWorker');
  });

  it('shows nothing where not even two ellipses fit', () => {
    expect(fitLabel('runtime.main', 1, width)).to.equal('');
    expect(fitLabel('runtime.main', 1, width, 'right')).to.equal('');
  });

  it('corrects a guess made from the average width when characters differ in width', () => {
    const wide = (text: string) => [...text].reduce((sum, c) => sum + (c === 'W' ? 3 : 1), 0);
    const fitted = fitLabel('WWWWaaaa', 6, wide);
    expect(wide(fitted)).to.be.at.most(6);
    expect(fitted).to.equal('W…');
  });
});
