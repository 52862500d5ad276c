/**
 * The bundle floor for `npm run bench`, figure 1: react, react-dom, zustand, TanStack Table v9
 * and TanStack Virtual, each used minimally (one store, one table, one virtualised list), with
 * nothing of the app. The bench builds it with the project's own Vite and compares the app's
 * initial JS against it.
 */
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';

interface Row {
  readonly id: string;
  readonly name: string;
}

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Row>();
const columns = helper.columns([helper.accessor('name', { header: 'Name' })]);
const data: Row[] = [
  { id: 'a', name: 'Ada' },
  { id: 'b', name: 'Grace' },
];

interface CounterStore {
  readonly count: number;
  increment(): void;
}

const useCounterStore = create<CounterStore>()((set) => ({
  count: 0,
  increment: () => set((state) => ({ count: state.count + 1 })),
}));

function App() {
  const count = useCounterStore((s) => s.count);
  const increment = useCounterStore((s) => s.increment);
  const table = useTable({ features, columns, data });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 32,
  });
  return (
    <main>
      <h1>Bench reference</h1>
      <button type="button" onClick={increment}>
        Clicked {count} times
      </button>
      <div ref={scroller} style={{ height: 96, overflow: 'auto' }}>
        <table aria-label="Reference">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
