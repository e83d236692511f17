/**
 * Commits a plan as one batch, and re-plans when another command committed first: the version
 * guard (publishWrites.ts) makes the loser's batch fail whole, so retrying from a fresh snapshot
 * is always safe.
 */
import { versionExists } from "../store/publishSnapshot";
import type { PublishPlan } from "../store/publishWrites";
import { publishStatements } from "../store/publishWrites";
import { withStoreRetry } from "./storeRetry";

/** Another command kept committing first; nothing of this one was written. */
export class PublishConflictError extends Error {
	override readonly name = "PublishConflictError";
}

const ATTEMPTS = 3;

/** The version a plan would commit was committed first by another command; nothing was written. */
export class VersionConflict extends Error {
	override readonly name = "VersionConflict";
	constructor(
		readonly version: number,
		options?: ErrorOptions,
	) {
		super(`content version ${version} was committed by another command first`, options);
	}
}

/**
 * Runs `attempt` (snapshot, plan, commit) until it commits without a version conflict.
 * `attempt` returns what it committed; conflicts are retried, any other error is thrown.
 */
export async function withVersionRetry<T>(attempt: () => Promise<T>): Promise<T> {
	for (let tries = 1; ; tries++) {
		try {
			return await attempt();
		} catch (error) {
			if (!(error instanceof VersionConflict)) throw error;
			if (tries >= ATTEMPTS) {
				throw new PublishConflictError(
					`another publish committed first ${ATTEMPTS} times in a row; nothing was written: run the command again`,
				);
			}
		}
	}
}

/**
 * Applies the plan as one D1 batch (one transaction); returns the version it created. A batch
 * that fails while its version exists lost the race to another command: a VersionConflict.
 */
export async function commitPlan(db: D1Database, plan: PublishPlan): Promise<number> {
	const version = plan.baseVersion + 1;
	await commitVersion(db, version, publishStatements(db, plan));
	return version;
}

/**
 * Runs `statements`, a batch whose first statement inserts content version `version`
 * (versionStatement), retrying it while the store is busy; a VersionConflict when another command
 * committed that version first.
 */
export async function commitVersion(
	db: D1Database,
	version: number,
	statements: D1PreparedStatement[],
): Promise<void> {
	await withStoreRetry(() => db.batch(statements), {
		doing: `committing content version ${version}`,
		// Taken means another command committed first: re-plan (withVersionRetry), never retry.
		// Unreadable, the batch is simply tried again: the version guard keeps that safe.
		async beforeRetry(error) {
			if (await versionExists(db, version).catch(() => false)) {
				throw new VersionConflict(version, { cause: error });
			}
		},
	});
}
