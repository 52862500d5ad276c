import type { ButtonHTMLAttributes } from 'react';

/**
 * The look of each variant and size is in index.css (`.btn`, `.btn-<variant>`, `.btn-<size>`):
 * CSS, not class lists in the initial JS, and one place to check each state's contrast in both
 * themes. A `className` from the caller is a utility, so it wins over them.
 */
export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** `compact`: the header's, text as large as `md` with less padding. */
  size?: 'sm' | 'compact' | 'md';
}) {
  return (
    <button type={type} className={`btn btn-${size} btn-${variant} ${className}`} {...props} />
  );
}
