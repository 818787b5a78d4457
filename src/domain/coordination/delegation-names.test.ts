import { describe, expect, it } from 'vitest';
import { delegationKeys, normalisedName } from './delegation-names.ts';

describe('delegation names', () => {
  it('are compared without case, extra white space or full width', () => {
    expect(normalisedName('  Shanghai   Trade\tDelegation ')).toBe('shanghai trade delegation');
    expect(normalisedName('ＬＩ　Ｍｉｎｇ')).toBe('li ming');
    expect(normalisedName('LI MING')).toBe(normalisedName('li  ming'));
  });

  it('keep Chinese names as written', () => {
    expect(normalisedName('李明')).toBe('李明');
    expect(normalisedName('李明')).not.toBe(normalisedName('Li Ming'));
  });

  it('keep a delegation name apart from a person of the same name, once each', () => {
    expect(delegationKeys({ delegationName: 'Wang Wei', delegationPersons: ['Wang Wei', 'wang  wei', ' '] })).toEqual(['d:wang wei', 'p:wang wei']);
    expect(delegationKeys({ delegationName: null, delegationPersons: [] })).toEqual([]);
  });
});
