import type { CellData, RowData, TableFeatures } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // Column meta is how column definitions tell the shared table markup how to style a column.
  interface ColumnMeta<
    in out TFeatures extends TableFeatures,
    in out TData extends RowData,
    TValue extends CellData = CellData,
  > {
    /** Classes for this column's <th> and <td>. */
    className?: string;
    /** Render the cell as a row header (<th scope="row">): the cell that names the row. */
    rowHeader?: boolean;
  }
}
