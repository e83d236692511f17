/** Types for notifyHub.mjs, for TypeScript callers (tests, commands that publish). */

export declare const DEFAULT_TIMEOUT_MS: number;
export declare const ANSWER_LIMIT_BYTES: number;

/** What the hub did with one topic. `message` is printable: escaped, without credentials. */
export interface PingResult {
	readonly topic: string;
	readonly accepted: boolean;
	/** The status the hub answered with; absent when it never answered. */
	readonly status?: number;
	readonly message: string;
}

export interface NotifyHubOptions {
	/** The hub URL: absolute http(s), without credentials (anything else fails every topic). */
	readonly hub: string;
	readonly topics: readonly string[];
	/** Limit for each ping, answer included (default DEFAULT_TIMEOUT_MS). */
	readonly timeoutMs?: number;
	/** Receives each result as soon as it is known. */
	readonly log?: (result: PingResult) => void;
}

export declare function notifyHub(options: NotifyHubOptions): Promise<PingResult[]>;

export declare function checkHttpUrl(
	value: unknown,
	name: string,
): { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: string };

export declare function printable(text: unknown): string;
