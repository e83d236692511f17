/** Types for afterPublish.mjs, for its tests. */
export interface HubSettings {
	readonly hub: string;
	readonly site: string;
}

export declare function hubSettings(
	env?: Record<string, string | undefined>,
	vars?: Record<string, unknown>,
): HubSettings | undefined;

export declare function isolateRefreshSeconds(): Promise<number>;

export declare function feedUrls(origin: string, sections?: readonly string[]): Promise<string[]>;

export declare function notifyAfterPublish(options?: {
	readonly settings?: HubSettings | undefined;
	/** Sections (tag URL segments) whose feeds changed too. */
	readonly sections?: readonly string[];
	readonly waitSeconds?: number;
	readonly log?: (line: string) => void;
	/** How the wait is slept (a timer unless given). */
	readonly sleep?: (ms: number) => Promise<void>;
}): Promise<boolean>;
