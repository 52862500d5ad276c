import { readFile } from 'node:fs/promises';
import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * Invisible direction controls (U+202A–U+202E, U+2066–U+2069) reorder the text around them: a
 * story named `Quarterly \u202eLIAME_EKAF report` would make the Timeline's line read backwards.
 * The console refuses them wherever a name comes in (assumed: the vendor does not say), and shows
 * every name isolated (<bdi>), so that even right-to-left letters cannot reorder its own text.
 */

const RLO_REASON =
  'contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE); names may not reorder the text around them.';

type ConsoleFile = {
  base: { genesis: { name: string; domain: string } };
  events: Array<Record<string, unknown>>;
};

/** The console's own state as an exported file (the Share dialog's Export JSON). */
async function exported(consolePage: ConsolePage): Promise<ConsoleFile> {
  await consolePage.openShare();
  const download = consolePage.page.waitForEvent('download');
  await consolePage.exportStateButton.click();
  const file = JSON.parse(await readFile(await (await download).path(), 'utf8')) as ConsoleFile;
  return file;
}

async function importFile(consolePage: ConsolePage, name: string, file: ConsoleFile) {
  await consolePage.importStateInput.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
}

test.describe('Direction controls in names', () => {
  test('the simulated API refuses a story named with U+202E, with the reason, and logs nothing', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
    await consolePage.waitForApi();
    const secret = await consolePage.secretOf('Jane tenant owner');
    const log = async () =>
      (
        (await consolePage.api('GET', '/api/v1/audit_logs?per_page=500', { secret })).body as {
          audit_logs: unknown[];
        }
      ).audit_logs.length;
    const before = await log();

    const story = await consolePage.api('POST', '/api/v1/stories', {
      secret,
      body: JSON.stringify({
        team_id: 'team_automation',
        name: 'Quarterly \u202eLIAME_EKAF report',
      }),
    });
    expect(story.status).toBe(400);
    expect(story.body).toMatchObject({
      error: { status: 400, code: 'BAD_REQUEST', message: `name: ${RLO_REASON}` },
    });
    expect(await log()).toBe(before);
    await consolePage.openView('Timeline');
    await expect(consolePage.timelineTable.getByText(/LIAME|EKAF|Quarterly/)).toHaveCount(0);
  });

  test('an imported file whose tenant name holds U+202E is refused and changes nothing', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    const summary = await consolePage.tenantSummary.textContent();
    const file = await exported(consolePage);
    file.base.genesis.name = 'Tino \u202eproC';
    await importFile(consolePage, 'rlo.klc.json', file);
    const refusal = consolePage.shareRegion.getByRole('alert');
    await expect(refusal).toContainText('rlo.klc.json was not imported; the console is unchanged.');
    await expect(refusal.getByRole('listitem')).toHaveText([`base.genesis.name: ${RLO_REASON}`]);
    await consolePage.closeShare();
    await expect(consolePage.tenantSummary).toHaveText(summary ?? '');
  });

  test('the Create key dialog refuses such a name inline and keeps what was typed', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
    const rows = await consolePage.keys.getByRole('row').count();
    await consolePage.openCreateKey();
    await consolePage.keyNameInput.fill('CI \u202etoor key');
    await consolePage.createKeySubmit.click();
    await expect(consolePage.createKeyError).toHaveText(`Key name: ${RLO_REASON}`);
    await expect(consolePage.keyNameInput).toHaveValue('CI \u202etoor key');
    await expect(consolePage.keyNameInput).toHaveAccessibleDescription(`Key name: ${RLO_REASON}`);
    await consolePage.createKeyCancel.click();
    await expect(consolePage.keys.getByRole('row')).toHaveCount(rows);
  });

  test('shows names isolated (<bdi>) in the header, People, Keys and the Timeline', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    const file = await exported(consolePage);
    // Right-to-left letters are allowed; isolated, they reorder nothing around them.
    file.base.genesis.name = 'טינו קורפ 2';
    const jane = file.events.find((event) => event['name'] === 'Jane Tino');
    if (jane === undefined) throw new Error('no invitation of Jane Tino in the export');
    jane['name'] = 'ג׳יין טינו';
    await importFile(consolePage, 'rtl.klc.json', file);
    await expect(consolePage.shareRegion.getByRole('status')).toContainText(
      'Imported rtl.klc.json',
    );
    await consolePage.closeShare();

    await expect(consolePage.tenantSummary.locator('bdi')).toHaveText([
      'טינו קורפ 2',
      'tino-corp-1234.tines.com',
    ]);
    await expect(
      consolePage.people.getByRole('rowheader', { name: 'ג׳יין טינו' }).locator('bdi'),
    ).toHaveText('ג׳יין טינו');
    await consolePage.openView('Keys');
    await expect(consolePage.keyCell('Jane personal', 'Name').locator('bdi')).toHaveText(
      'Jane personal',
    );
    await expect(consolePage.keyCell('Jane personal', 'Created by').locator('bdi')).toHaveText(
      'ג׳יין טינו',
    );
    await consolePage.openView('Timeline');
    await expect(
      consolePage
        .timelineEvent('Jane personal (Personal) was created by ג׳יין טינו')
        .locator('bdi'),
    ).toHaveText(['Jane personal', 'ג׳יין טינו']);
  });
});
