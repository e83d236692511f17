/**
 * The part of autocannon 9 the load runner uses (the package ships no types): a run's options
 * and its aggregated result (lib/aggregateResult.js).
 */
declare module "autocannon" {
	interface Options {
		readonly url: string;
		/** Seconds. */
		readonly duration: number;
		readonly connections: number;
		readonly headers?: Record<string, string>;
	}

	interface Histogram {
		readonly average: number;
		readonly total: number;
		readonly p50: number;
		readonly p99: number;
	}

	interface Result {
		readonly requests: Histogram;
		/** Milliseconds. */
		readonly latency: Histogram;
		readonly errors: number;
		readonly timeouts: number;
		readonly statusCodeStats?: Readonly<Record<string, { readonly count: number }>>;
	}

	export default function autocannon(options: Options): Promise<Result>;
}
