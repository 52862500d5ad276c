import { describe, expect, it } from 'vitest';
import { apply, replay } from '../../core/apply';
import { changeStatus } from '../../core/commands';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { accountNamed } from '../../core/testing/named';
import { NAMED_AT_MOST, pastedMessage, readPastedEmails } from './paste-emails';

const tenant = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const id = (name: string) => accountNamed(tenant, name).id;

describe('readPastedEmails', () => {
  it('reads one per line, commas, semicolons and "Name <email>", in any case', () => {
    const result = readPastedEmails(
      tenant,
      'Jane.Tino@tinocorp.example\r\n sam.patel@tinocorp.example , Eli Brooks <eli.brooks@tinocorp.example>;\n\n',
    );
    expect(result.found).toEqual([id('Jane Tino'), id('Sam Patel'), id('Eli Brooks')]);
    expect(result).toMatchObject({ unknown: [], deleted: [], duplicates: [], total: 3 });
  });

  it('names unknown, repeated and deleted emails, and selects the rest once', () => {
    const deleted = apply(tenant, changeStatus(tenant, 'account_deleted', id('Vera Lin')));
    if (!deleted.ok) throw new Error(deleted.refusal.reason);
    const result = readPastedEmails(
      deleted.tenant,
      'jane.tino@tinocorp.example\nnobody@tinocorp.example\nJANE.TINO@tinocorp.example\nvera.lin@tinocorp.example',
    );
    expect(result.found).toEqual([id('Jane Tino')]);
    expect(result.unknown).toEqual(['nobody@tinocorp.example']);
    expect(result.duplicates).toEqual(['jane.tino@tinocorp.example']);
    expect(result.deleted).toEqual(['vera.lin@tinocorp.example']);
    expect(pastedMessage(result)).toEqual([
      'Selected 1 person from 4 emails.',
      'Not found in this tenant (1): nobody@tinocorp.example.',
      'Already deleted, nothing to change (1): vera.lin@tinocorp.example.',
      'Listed more than once (1): jane.tino@tinocorp.example.',
    ]);
  });

  it('cuts a long list of unknown emails after a few names, saying how many more', () => {
    const emails = Array.from({ length: NAMED_AT_MOST + 5 }, (_, i) => `x${i}@nowhere.example`);
    const [, unknown] = pastedMessage(readPastedEmails(tenant, emails.join(',')));
    expect(unknown).toContain('x0@nowhere.example, x1@nowhere.example');
    expect(unknown).toMatch(/ and 5 more\.$/);
    expect(pastedMessage(readPastedEmails(tenant, ' \n ,'))).toEqual([
      'No email in the box: paste one per line, or separate them with commas.',
    ]);
  });
});
