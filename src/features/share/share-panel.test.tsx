import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, toDocument } from '../../core/document/document';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { useViewStore } from '../../navigation/view-store';
import { usePersistStatus } from '../../persist/persist-status';
import type { Persistence } from '../../persist/persistence';
import { useTenantStore } from '../../store/tenant-store';
import { SavedStateBanners } from './saved-state-banners';
import { ShareDialog, SharePanel } from './share-panel';

const links = vi.hoisted(() => ({ next: '', views: [] as unknown[] }));
const persistence = vi.hoisted(() => ({
  discardUnreadable: vi.fn(),
  loadOtherTab: vi.fn(async () => {}),
  keepThisTab: vi.fn(),
}));

// jsdom's Blob cannot stream, so CompressionStream cannot run here: the link is made up (the
// codec has its own tests, and the e2e spec opens real links).
vi.mock('../../share/open-state', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../share/open-state')>()),
  shareLinkOf: async (_state: unknown, _page: URL, view?: unknown) => {
    links.views.push(view);
    return links.next;
  },
}));
vi.mock('../../persist/persistence', () => ({
  currentPersistence: () => persistence as unknown as Persistence,
}));

const writeText = vi.fn<(text: string) => Promise<void>>();
let blobs: Blob[] = [];
const fileNames: string[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(async () => {
  await useTenantStore.getState().loadScenario('jane-tino');
  usePersistStatus.setState({ unreadable: null, otherTab: false });
  useViewStore.setState({ view: 'lifecycle' });
  links.views = [];
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  blobs = [];
  fileNames.length = 0;
  // jsdom cannot download: capture what a browser would save.
  URL.createObjectURL = (blob: Blob) => `blob:test/${blobs.push(blob)}`;
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    fileNames.push(this.download);
  });
});

afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
  vi.restoreAllMocks();
});

function file(text: string, name = 'state.klc.json'): File {
  return new File([text], name, { type: 'application/json' });
}

describe('Share and import', () => {
  it('copies a link to the clipboard and shows it in a read-only textbox', async () => {
    links.next = `http://localhost/#state=${'a'.repeat(100)}`;
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const box = await screen.findByRole('textbox', { name: /^Link to this state/ });
    expect(box).toHaveValue(links.next);
    expect(box).toHaveAttribute('readonly');
    expect(writeText).toHaveBeenCalledWith(links.next);
    expect(screen.getByText('Link copied to the clipboard.')).toBeInTheDocument();
  });

  it('makes the link for the view open now, so the link opens on it', async () => {
    links.next = 'http://localhost/?view=timeline#state=abc';
    useViewStore.setState({ view: 'timeline' });
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied to the clipboard.');
    expect(links.views).toEqual(['timeline']);
  });

  it('warns before copying a link over 8,000 characters, and copies it only when asked', async () => {
    links.next = `http://localhost/#state=${'a'.repeat(9_000)}`;
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(/This link is 9,024 characters long, over 8,000/);
    expect(writeText).not.toHaveBeenCalled();
    await userEvent.click(within(warning).getByRole('button', { name: 'Copy anyway' }));
    expect(writeText).toHaveBeenCalledWith(links.next);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the browser refuses the clipboard; the link stays in the textbox', async () => {
    links.next = 'http://localhost/#state=abc';
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/refused the clipboard/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Link to this state/ })).toHaveValue(links.next);
  });

  it('exports the console document as <domain>-<scenario>.klc.json', async () => {
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(fileNames).toEqual(['tino-corp-1234.tines.com-jane-tino.klc.json']);
    const state = useTenantStore.getState();
    expect(JSON.parse(await (blobs[0] as Blob).text())).toEqual(
      JSON.parse(JSON.stringify(toDocument(state))),
    );
    expect(
      screen.getByText('Downloaded tino-corp-1234.tines.com-jane-tino.klc.json'),
    ).toBeInTheDocument();
  });

  it('imports a file through the labelled file input', async () => {
    const state = { ...useTenantStore.getState(), cursor: 4 };
    render(<SharePanel />);
    await userEvent.upload(
      screen.getByLabelText('Import JSON…'),
      file(JSON.stringify(toDocument(state))),
    );
    expect(await screen.findByText(/^Imported state\.klc\.json/)).toBeInTheDocument();
    expect(useTenantStore.getState().cursor).toBe(4);
  });

  it('lists every problem of a refused file as "field: reason", and changes nothing', async () => {
    const before = useTenantStore.getState();
    const good = JSON.parse(JSON.stringify(toDocument(before))) as Record<string, unknown>;
    const bad = {
      ...good,
      base: { kind: 'genesis', genesis: { ...janeTinoScenario.genesis, name: '', startsAt: 'x' } },
    };
    render(<SharePanel />);
    await userEvent.upload(
      screen.getByLabelText('Import JSON…'),
      file(JSON.stringify(bad), 'bad.json'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('bad.json was not imported; the console is unchanged.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'base.genesis.name: Too small: expected string to have >=1 characters',
      'base.genesis.startsAt: Invalid input: expected number, received string',
    ]);
    expect(useTenantStore.getState().events).toBe(before.events);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = file('{}', 'big.json');
    Object.defineProperty(big, 'size', { value: LIMITS.maxBytes + 1 });
    const read = vi.spyOn(big, 'arrayBuffer');
    render(<SharePanel />);
    await userEvent.upload(screen.getByLabelText('Import JSON…'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '(file): is 20,000,001 bytes; the limit is 20,000,000.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('opens in a dialog named Share and import, whose Close button calls onClose', async () => {
    const onClose = vi.fn();
    render(<ShareDialog onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Share and import' });
    expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Import JSON…')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('no longer shows the saved-state banners itself: the shell does', () => {
    usePersistStatus.setState({
      unreadable: {
        text: '{',
        problems: [{ field: '(saved state)', reason: 'is not valid JSON.' }],
      },
      otherTab: true,
    });
    render(<SharePanel />);
    expect(screen.queryByRole('region', { name: 'Unreadable saved state' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Saved by another tab' })).toBeNull();
  });
});

describe('Saved-state banners', () => {
  it('shows nothing while the saved state is readable and no other tab saved', () => {
    const { container } = render(<SavedStateBanners />);
    expect(container).toBeEmptyDOMElement();
  });

  it('offers unreadable saved data for download, or to discard it', async () => {
    usePersistStatus.setState({
      unreadable: {
        text: '{"oops',
        problems: [{ field: '(saved state)', reason: 'is not valid JSON.' }],
      },
    });
    render(<SavedStateBanners />);
    const banner = screen.getByRole('region', { name: 'Unreadable saved state' });
    expect(within(banner).getByRole('alert')).toHaveTextContent(
      '(saved state): is not valid JSON.',
    );
    await userEvent.click(within(banner).getByRole('button', { name: 'Download unreadable data' }));
    expect(fileNames).toEqual(['klc-unreadable-saved-state.json']);
    expect(await (blobs[0] as Blob).text()).toBe('{"oops');
    await userEvent.click(within(banner).getByRole('button', { name: 'Discard unreadable data' }));
    expect(persistence.discardUnreadable).toHaveBeenCalledOnce();
  });

  it("asks what to do when another tab saved: load its state, or keep this tab's", async () => {
    usePersistStatus.setState({ otherTab: true });
    render(<SavedStateBanners />);
    const banner = screen.getByRole('region', { name: 'Saved by another tab' });
    expect(banner).toHaveTextContent('Another tab changed the saved state.');
    await userEvent.click(
      within(banner).getByRole('button', { name: "Load the other tab's state" }),
    );
    expect(persistence.loadOtherTab).toHaveBeenCalledOnce();
    await userEvent.click(within(banner).getByRole('button', { name: "Keep this tab's state" }));
    expect(persistence.keepThisTab).toHaveBeenCalledOnce();
  });
});
