import { expect } from '@open-wc/testing';
import { foldLoosely, foldText, foldWords } from '../src/text/index.js';

describe('text folding', () => {
  it('spells umlauts out for the finder, and drops other accents', () => {
    expect(foldText('Führerschein, STRAẞE')).to.equal('fuehrerschein strasse');
    expect(foldText('Fu\u0308hrerschein'), 'combining diaeresis').to.equal('fuehrerschein');
    expect(foldWords('Kita-Platz, U3/Ü3')).to.deep.equal(['kita', 'platz', 'u3', 'ue3']);
  });

  it('folds letters without a decomposition and compatibility forms like the letters they stand for', () => {
    expect(foldText('Łódź Øre Æble')).to.equal('lodz ore aeble');
    expect(foldText('Ａusweis ﬁnden ²')).to.equal('ausweis finden 2');
  });

  it('makes umlauts, their transcriptions and plain vowels one word for matching without typo tolerance', () => {
    expect(foldLoosely('Schlüssel')).to.equal('schlussel');
    expect(foldLoosely('Schluessel')).to.equal('schlussel');
    expect(foldLoosely('schlussel')).to.equal('schlussel');
    expect(foldLoosely('Geldbörse, STRAßE')).to.equal('geldborse strasse');
    expect(foldLoosely('Łódź')).to.equal(foldLoosely('Lodz'));
  });
});
