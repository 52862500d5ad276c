export declare const CHROMIUM_ARGS: readonly string[];
export declare const NO_CHROMIUM: string;
/** `{ path }` to launch, `{ path: undefined }` for Playwright's own browser, null when none. */
export declare function findChromium(): { readonly path: string | undefined } | null;
