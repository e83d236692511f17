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

export declare function notifyAfterPublish(options?: {
	readonly settings?: HubSettings | undefined;
	readonly waitSeconds?: number;
	readonly log?: (line: string) => void;
}): Promise<boolean>;
