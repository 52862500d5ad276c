import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../../core/apply';
import { changeStatus } from '../../core/commands';
import type { Tenant } from '../../core/model';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { accountNamed } from '../../core/testing/named';
import { whatIfMatrix } from '../../core/what-if';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { withVerdictsHiddenUntilReveal } from '../../test/hidden-verdicts';
import { usePredictStore } from '../predict/use-predict-store';
import { MatrixExportMenu } from './matrix-export-menu';
import { ValidityMatrix } from './validity-matrix';

/** The FAQ's tenant with Jane Tino deactivated. */
function janeDeactivated(): Tenant {
  const { tenant } = replay(janeTinoScenario.genesis, janeTinoScenario.events);
  const event = changeStatus(tenant, 'account_deactivated', accountNamed(tenant, 'Jane Tino').id);
  return replay(janeTinoScenario.genesis, [...janeTinoScenario.events, event]).tenant;
}

function tenantOfStore(): Tenant {
  return selectTenant(useTenantStore.getState());
}

interface Download {
  readonly fileName: string;
  readonly href: string;
  readonly inDocument: boolean;
  readonly blob: Blob;
}

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
let downloads: Download[] = [];
let blobs: Blob[] = [];
const revokeObjectURL = vi.fn<(url: string) => void>();
const createObjectURL = vi.fn((blob: Blob) => {
  blobs.push(blob);
  return `blob:http://localhost/export-${blobs.length}`;
});

beforeEach(() => {
  downloads = [];
  blobs = [];
  createObjectURL.mockClear();
  revokeObjectURL.mockClear();
  // jsdom has neither, and cannot download: capture what a browser would save.
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.at(-1);
    if (blob === undefined) throw new Error('A link was clicked before a Blob was made');
    downloads.push({
      fileName: this.download,
      href: this.href,
      inDocument: this.isConnected,
      blob,
    });
  });
});

afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
  vi.restoreAllMocks();
});

function onlyDownload(): Download {
  expect(downloads).toHaveLength(1);
  const [download] = downloads;
  if (download === undefined) throw new Error('No download');
  return download;
}

describe('MatrixExportMenu', () => {
  const tenant = janeDeactivated();
  const rows = whatIfMatrix(tenant);

  it('offers three named export buttons in a labelled group, and no status line yet', () => {
    render(<MatrixExportMenu tenant={tenant} rows={rows} />);
    const group = screen.getByRole('group', { name: 'Export all keys' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Export CSV', 'Export Markdown', 'Export JSON']);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('downloads the JSON export as <domain>-validity-matrix.json and announces it', async () => {
    const user = userEvent.setup();
    render(<MatrixExportMenu tenant={tenant} rows={rows} />);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));

    // The status appears at once (empty) and reads "Downloaded …" once the formatter has loaded.
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'Downloaded tino-corp-1234.tines.com-validity-matrix.json',
      );
    });
    const download = onlyDownload();
    expect(download.fileName).toBe('tino-corp-1234.tines.com-validity-matrix.json');
    expect(download.href).toBe('blob:http://localhost/export-1');
    expect(download.inDocument).toBe(true);
    expect(download.blob.type).toBe('application/json');
    const json = JSON.parse(await download.blob.text());
    expect(json.format).toBe('key-lifecycle-console/validity-matrix');
    expect(json.tenant.domain).toBe('tino-corp-1234.tines.com');
    expect(json.keys).toHaveLength(8);
    expect(json.keys[0]).toMatchObject({
      id: 'key_0006',
      name: 'Jane personal',
      cells: {
        now: { status: 401, code: 'OWNER_DEACTIVATED', rule: 'auth.personal-owner-deactivated' },
      },
    });

    // The temporary link is gone and its URL is freed.
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => {
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/export-1');
    });
  });

  it('downloads CSV and Markdown with their own names, types and text', async () => {
    const user = userEvent.setup();
    render(<MatrixExportMenu tenant={tenant} rows={rows} />);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'Downloaded tino-corp-1234.tines.com-validity-matrix.csv',
      );
    });
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'Downloaded tino-corp-1234.tines.com-validity-matrix.md',
      );
    });

    const [csv, markdown] = downloads;
    expect(csv?.fileName).toBe('tino-corp-1234.tines.com-validity-matrix.csv');
    expect(csv?.blob.type).toBe('text/csv;charset=utf-8');
    const csvLines = (await csv?.blob.text())?.split('\r\n');
    expect(csvLines?.[0]).toBe(
      'Key,Created by,Now,Active,Deactivated,Reactivated,Deleted,Re-invited',
    );
    expect(csvLines?.[1]).toMatch(
      /^Jane personal,Jane Tino <jane\.tino@[^,]+>,401 OWNER_DEACTIVATED,/,
    );
    expect(csvLines).toHaveLength(1 + 8 + 1);

    expect(markdown?.fileName).toBe('tino-corp-1234.tines.com-validity-matrix.md');
    expect(markdown?.blob.type).toBe('text/markdown;charset=utf-8');
    expect(await markdown?.blob.text()).toContain('| Jane personal | Jane Tino &lt;');
    expect(revokeObjectURL).toHaveBeenCalledTimes(2);
  });

  it('works from the keyboard', async () => {
    const user = userEvent.setup();
    render(<MatrixExportMenu tenant={tenant} rows={rows} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(onlyDownload().fileName).toBe('tino-corp-1234.tines.com-validity-matrix.json');
    });
    expect(screen.getByRole('button', { name: 'Export JSON' })).toHaveFocus();
  });

  it('says so when the file cannot be made', async () => {
    createObjectURL.mockImplementationOnce(() => {
      throw new Error('Blob URLs are disabled');
    });
    const user = userEvent.setup();
    render(<MatrixExportMenu tenant={tenant} rows={rows} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Export failed: Blob URLs are disabled',
    );
    expect(downloads).toHaveLength(0);
  });
});

describe('the export in the validity matrix panel', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('exports every key of the current state, whatever the search', async () => {
    const user = userEvent.setup();
    render(<ValidityMatrix />);
    act(() => {
      useTenantStore
        .getState()
        .dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
    });
    await user.type(screen.getByRole('searchbox', { name: 'Find keys' }), 'sam.patel@');
    expect(screen.getByText('Showing 2 of 8 keys')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => {
      expect(onlyDownload().fileName).toBe('tino-corp-1234.tines.com-validity-matrix.csv');
    });
    const lines = (await onlyDownload().blob.text()).split('\r\n');
    expect(lines).toHaveLength(1 + 8 + 1);
    expect(lines[1]).toMatch(/^Jane personal,.*,401 OWNER_DEACTIVATED,/);
    expect(
      screen.getAllByRole('status').some((status) => status.textContent?.startsWith('Downloaded')),
    ).toBe(true);
  });
});

describe('the exports while the verdicts are hidden until reveal', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });
  withVerdictsHiddenUntilReveal();

  it('offers no export while a prediction is open, says why, and offers them again after the reveal', async () => {
    const user = userEvent.setup();
    const tenant = janeDeactivated();
    render(<MatrixExportMenu tenant={tenant} rows={whatIfMatrix(tenant)} />);
    const group = screen.getByRole('group', { name: 'Export all keys' });
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();

    act(() =>
      usePredictStore
        .getState()
        .choosePerson(accountNamed(tenantOfStore(), 'Jane Tino').id, 'deactivate'),
    );
    for (const button of within(group).getAllByRole('button')) expect(button).toBeDisabled();
    expect(group).toHaveTextContent('Exports hidden until reveal');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads).toHaveLength(0);

    act(() =>
      usePredictStore
        .getState()
        .reveal({ personName: 'Jane Tino', change: 'deactivate', marked: [] }),
    );
    expect(group).not.toHaveTextContent('hidden until reveal');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => {
      expect(onlyDownload().fileName).toBe('tino-corp-1234.tines.com-validity-matrix.json');
    });
  });
});
