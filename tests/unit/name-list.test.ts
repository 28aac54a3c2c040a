// The approvers field's list of names: a click on a cell member's name adds it, a second click removes it.
import { describe, expect, it } from 'vitest';
import { toggleName } from '../../renderer/lib/name-list';

describe('toggleName', () => {
  it('adds a name at the end of the list, tidying the separators', () => {
    expect(toggleName('', 'Claire Dubois')).toBe('Claire Dubois');
    expect(toggleName('Direction,  Juridique ,', 'Claire Dubois')).toBe(
      'Direction, Juridique, Claire Dubois',
    );
  });

  it('removes a name already there, whatever its case, and keeps the others in order', () => {
    expect(toggleName('Direction, claire dubois, Juridique', 'Claire Dubois')).toBe('Direction, Juridique');
  });
});
