// Formatting for the bench table: Markdown, so it can be pasted into the README as it is.

export const COLUMNS = ['Figure', 'Measured', 'Compared with', 'Ratio', 'Target', 'Result'];

export function markdownTable(rows) {
  const cells = [COLUMNS, ...rows.map((row) => COLUMNS.map((column) => row[column] ?? ''))];
  const widths = COLUMNS.map((_, i) => Math.max(3, ...cells.map((line) => line[i].length)));
  const line = (values) => `| ${values.map((value, i) => value.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells[0]),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** Milliseconds, with the precision the size deserves (µs below 0.1 ms). */
export function ms(value) {
  if (value < 0.1) return `${(value * 1000).toFixed(2)} µs`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function MB(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function ratio(value) {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${Math.round(value)}×` : `${value.toFixed(2)}×`;
}

export function count(value) {
  return value.toLocaleString('en-US');
}

export function verdict(pass) {
  return pass ? 'PASS' : 'FAIL';
}
