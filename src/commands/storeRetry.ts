/**
 * A command's reads and writes meet a database that is busy at times: locally, `npm run dev`
 * reads the same SQLite file (wrangler's D1 simulation answers `internal error` while the other
 * process holds it); remotely, D1 answers overload and transient network errors. Each D1 call a
 * command makes is one statement or one batch, a single transaction that applied whole or not at
 * all, so it is retried as it is, with growing waits (exponential backoff with jitter, as D1's
 * guide advises), until it succeeds or STORE_ATTEMPTS have failed. Which failure it was is not
 * read from the driver's wording: every failure of such a call is retried, and what could have
 * been written is checked against the store by the caller (applyPlan.ts: the version guard).
 */

/** How often one D1 call is tried: waits of 0.25, 0.5, 1, 2, 4, 8 and 16 s between them. */
export const STORE_ATTEMPTS = 8;
const FIRST_WAIT_MS = 250;

/** The store kept failing a call; nothing of the command was written. */
export class StoreUnavailableError extends Error {
	override readonly name = "StoreUnavailableError";
}

export interface RetryOptions {
	/** What the call does, for the message (`reading the store`, `committing version 12`). */
	readonly doing: string;
	/** Waits `ms` (tests pass a clock of their own). */
	readonly sleep?: (ms: number) => Promise<void>;
	/** Decides, after a failure, whether trying again could help; a thrown error ends the retries. */
	readonly beforeRetry?: (error: unknown) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` until it succeeds, at most STORE_ATTEMPTS times. The last failure becomes a
 * StoreUnavailableError with one line a person can act on (the driver's first line quoted, cut).
 */
export async function withStoreRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
	const sleep = options.sleep ?? wait;
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (attempt >= STORE_ATTEMPTS) {
				throw new StoreUnavailableError(
					`the database did not answer while ${options.doing} (${STORE_ATTEMPTS} attempts over about ${Math.round(totalWaitMs() / 1000)} s; last: ${firstLine(error)}); nothing was written: run the command again, or stop what is using the database`,
					{ cause: error },
				);
			}
			await options.beforeRetry?.(error);
			const backoff = FIRST_WAIT_MS * 2 ** (attempt - 1);
			await sleep(backoff / 2 + Math.random() * (backoff / 2));
		}
	}
}

function totalWaitMs(): number {
	return FIRST_WAIT_MS * (2 ** (STORE_ATTEMPTS - 1) - 1);
}

/** The first line of what the driver said, printable and cut: D1's messages carry stack frames. */
function firstLine(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	const line = (text.split("\n")[0] ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").trim();
	return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
