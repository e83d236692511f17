/** Types for generateIcons.mjs, for the test that regenerates the icon files. */

/** The mark as SVG text. */
export declare function iconSvg(): string;

/** Every icon file, by its path under public/ (which is its URL path). */
export declare function iconFiles(): Map<string, Buffer>;

/** public/, the static assets directory (wrangler.toml [assets]). */
export declare const PUBLIC_DIRECTORY: URL;
