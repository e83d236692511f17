/** Types for sourceModules.mjs, for tests that load the project's modules the way commands do. */
export declare const projectRoot: string;
export declare function importSource(path: string): Promise<Record<string, unknown>>;
export declare function closeSources(): Promise<void>;
