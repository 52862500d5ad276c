import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, MATRIX_COLUMNS, test } from './fixtures/console-page';

/**
 * The validity matrix's exports, as a user gets them: a download named after the tenant's
 * domain, holding every key of the matrix as it is now.
 */

const FILE = 'tino-corp-1234.tines.com-validity-matrix';

interface ExportedCell {
  status: 200 | 401 | null;
  code: string | null;
  rule: string | null;
  reason?: string;
}
interface ExportedMatrix {
  format: string;
  version: number;
  tenant: { name: string; domain: string };
  columns: Array<{ id: string; label: string }>;
  keys: Array<{
    id: string;
    name: string;
    scope: string;
    createdBy: string;
    creator: { name: string; email: string } | null;
    cells: Record<string, ExportedCell>;
  }>;
}

/** The download that this action starts. */
async function downloadOf(page: Page, action: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download');
  await action();
  return download;
}

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test.describe('Validity matrix export', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('downloads the matrix as JSON and CSV, as it is after Jane is deactivated', async ({
    consolePage,
    page,
  }) => {
    await consolePage.deactivate('Jane Tino');
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );
    // The group's legend is visually hidden; it still names the group.
    const exports = consolePage.matrixRegion.getByRole('group', { name: 'Export all keys' });
    const exportJson = exports.getByRole('button', { name: 'Export JSON', exact: true });
    const exportCsv = exports.getByRole('button', { name: 'Export CSV', exact: true });
    const downloaded = consolePage.matrixRegion
      .getByRole('status')
      .filter({ hasText: /^Downloaded / });

    const jsonFile = await downloadOf(page, () => exportJson.click());
    expect(jsonFile.suggestedFilename()).toBe(`${FILE}.json`);
    await expect(downloaded).toHaveText(`Downloaded ${FILE}.json`);
    const jsonText = await text(jsonFile);
    expect(jsonText.endsWith('}\n')).toBe(true);
    const json = JSON.parse(jsonText) as ExportedMatrix;
    expect(json.format).toBe('key-lifecycle-console/validity-matrix');
    expect(json.version).toBe(1);
    expect(json.tenant).toEqual({ name: 'Tino Corp', domain: 'tino-corp-1234.tines.com' });
    expect(json.columns.map((column) => column.id)).toEqual(Object.values(MATRIX_COLUMNS));
    expect(json.keys).toHaveLength(8);
    const personal = json.keys.find((key) => key.name === 'Jane personal');
    expect(personal).toMatchObject({
      id: await consolePage.keyId('Jane personal'),
      scope: 'personal',
      creator: { name: 'Jane Tino', email: 'jane.tino@tinocorp.example' },
      cells: {
        now: { status: 401, code: 'OWNER_DEACTIVATED', rule: 'auth.personal-owner-deactivated' },
      },
    });
    // Every exported cell says what the page's matrix says.
    for (const key of json.keys) {
      for (const column of json.columns) {
        const status = key.cells[column.id]?.status;
        await expect(
          consolePage.matrix.getByTestId(`cell-${key.id}:${column.id}`),
          `${key.name} / ${column.label}`,
        ).toHaveAttribute('data-status', status === null ? 'n/a' : String(status));
      }
    }

    // The export holds every key, whatever the search shows; CSV from the keyboard this time.
    await page.getByRole('searchbox', { name: 'Find keys' }).fill('sam.patel@');
    await expect(consolePage.matrixRegion.getByText('Showing 2 of 8 keys')).toBeVisible();
    await exportCsv.focus();
    const csvFile = await downloadOf(page, () => page.keyboard.press('Enter'));
    expect(csvFile.suggestedFilename()).toBe(`${FILE}.csv`);
    await expect(downloaded).toHaveText(`Downloaded ${FILE}.csv`);
    const records = (await text(csvFile)).split('\r\n');
    expect(records).toHaveLength(1 + 8 + 1);
    expect(records[0]).toBe('Key,Created by,Now,Active,Deactivated,Reactivated,Deleted,Re-invited');
    expect(records[1]).toBe(
      'Jane personal,Jane Tino <jane.tino@tinocorp.example>,401 OWNER_DEACTIVATED,200 VALID,401 OWNER_DEACTIVATED,200 VALID,401 OWNER_DELETED,401 OWNER_DELETED',
    );
    expect(records[2]).toBe(
      'Jane team,Jane Tino <jane.tino@tinocorp.example>,200 VALID,200 VALID,200 VALID,200 VALID,200 VALID,200 VALID',
    );
    await expect(exportCsv).toBeFocused();

    await consolePage.expectNoA11yViolations('matrix export');
  });

  test('gives the same JSON for the same state', async ({ consolePage, page }) => {
    await consolePage.deactivate('Jane Tino');
    const exportJson = consolePage.matrixRegion.getByRole('button', {
      name: 'Export JSON',
      exact: true,
    });
    const first = await text(await downloadOf(page, () => exportJson.click()));
    await consolePage.reactivate('Jane Tino');
    await consolePage.deactivate('Jane Tino');
    const second = await text(await downloadOf(page, () => exportJson.click()));
    expect(second).toBe(first);
  });
});
