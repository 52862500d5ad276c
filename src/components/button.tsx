import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary:
    'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400 dark:bg-blue-600 dark:hover:bg-blue-500',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  danger: 'bg-red-700 text-white hover:bg-red-800 dark:bg-red-700 dark:hover:bg-red-600',
  ghost: 'text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800',
};

const SIZES = {
  sm: 'px-2 py-1 text-xs',
  compact: 'px-2 py-1 text-sm',
  md: 'px-3 py-1.5 text-sm',
} as const;

export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** `compact`: the header's, text as large as `md` with less padding. */
  size?: 'sm' | 'compact' | 'md';
}) {
  const sizing = SIZES[size];
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1 rounded-md font-medium disabled:cursor-not-allowed ${sizing} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
