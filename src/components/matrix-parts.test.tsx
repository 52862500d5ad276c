import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyRow, MatrixTable } from './matrix-parts';
import type { VirtualRows } from './use-virtual-rows';

const PLAIN: VirtualRows = {
  enabled: false,
  indexes: [0],
  paddingTop: 0,
  paddingBottom: 0,
  measure: () => {},
  scrollToIndex: () => {},
};

/** jsdom lays nothing out: the box's sizes and the observer's first call are supplied here. */
function layOut(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: () => void) {}
      observe() {
        this.callback();
      }
      disconnect() {}
    },
  );
}

function renderMatrix() {
  return render(
    <MatrixTable
      label="Permission matrix"
      describedBy="help"
      rowCount={1}
      headerRows={1}
      virtual={PLAIN}
      scrollRef={createRef<HTMLDivElement>()}
      tableRef={createRef<HTMLTableElement>()}
      onKeyDown={() => {}}
    >
      <tbody>
        <EmptyRow colSpan={2} text="No keys yet." />
      </tbody>
    </MatrixTable>,
  );
}

describe('MatrixTable', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('holds its table in a region named after it, pinned by the matrix-scroll styles', () => {
    layOut(500, 500);
    renderMatrix();
    const box = screen.getByRole('region', { name: 'Permission matrix, scrollable' });
    expect(within(box).getByRole('table', { name: 'Permission matrix' })).toBeInTheDocument();
    expect(box).toHaveClass('matrix-scroll');
  });

  it('is a tab stop while its table is wider than the box, so the keyboard can scroll it', () => {
    layOut(900, 500);
    renderMatrix();
    expect(screen.getByRole('region', { name: 'Permission matrix, scrollable' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  it('leaves Tab to its cells while its table fits', () => {
    layOut(500, 500);
    renderMatrix();
    expect(screen.getByRole('region', { name: 'Permission matrix, scrollable' })).toHaveAttribute(
      'tabindex',
      '-1',
    );
  });
});
