import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { type Choice, ChoiceSelect, MAX_CHOICES } from './choice-select';

const many: Choice[] = Array.from({ length: 1_000 }, (_, i) => ({
  value: `key_${i}`,
  label: `Key ${i} · Personal · Person ${i}`,
}));

function Picker({ choices }: { choices: readonly Choice[] }) {
  const [value, setValue] = useState('');
  return (
    <ChoiceSelect
      label="Key"
      what="a key"
      choices={choices}
      value={value}
      onChange={setValue}
      placeholder="Choose a key"
    />
  );
}

describe('ChoiceSelect', () => {
  it('lists a few choices whole, with no search box', () => {
    render(<Picker choices={many.slice(0, 3)} />);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(within(screen.getByLabelText('Key')).getAllByRole('option')).toHaveLength(4);
  });

  it('lists only the first matches of many, keeping the chosen one, and says how many', async () => {
    const user = userEvent.setup();
    render(<Picker choices={many} />);
    const select = screen.getByRole('combobox', { name: 'Key' });
    expect(within(select).getAllByRole('option')).toHaveLength(MAX_CHOICES + 1);
    expect(select).toHaveAccessibleDescription(
      'Listing 100 of 1,000; type in Find a key to narrow.',
    );
    await user.type(screen.getByRole('searchbox', { name: 'Find a key' }), 'Person 99');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose a key',
      'Key 99 · Personal · Person 99',
      'Key 990 · Personal · Person 990',
      'Key 991 · Personal · Person 991',
      'Key 992 · Personal · Person 992',
      'Key 993 · Personal · Person 993',
      'Key 994 · Personal · Person 994',
      'Key 995 · Personal · Person 995',
      'Key 996 · Personal · Person 996',
      'Key 997 · Personal · Person 997',
      'Key 998 · Personal · Person 998',
      'Key 999 · Personal · Person 999',
    ]);
    await user.selectOptions(select, 'Key 995 · Personal · Person 995');
    await user.clear(screen.getByRole('searchbox', { name: 'Find a key' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a key' }), 'nothing like it');
    expect(select).toHaveDisplayValue('Key 995 · Personal · Person 995');
    expect(select).toHaveAccessibleDescription('No match for “nothing like it”.');
  });
});
