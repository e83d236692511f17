/**
 * Commits a plan as one batch, and re-plans when another command committed first: the version
 * guard (publishWrites.ts) makes the loser's batch fail whole, so retrying from a fresh snapshot
 * is always safe.
 */
import type { PublishPlan } from "../store/publishWrites";
import { publishStatements } from "../store/publishWrites";

/** Another command kept committing first; nothing of this one was written. */
export class PublishConflictError extends Error {
	override readonly name = "PublishConflictError";
}

const ATTEMPTS = 3;

/** True for the failure of the version insert: someone else committed that version first. */
export function isVersionConflict(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /UNIQUE constraint failed: versions\.id/.test(message);
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
			if (!isVersionConflict(error)) throw error;
			if (tries >= ATTEMPTS) {
				throw new PublishConflictError(
					`another publish committed first ${ATTEMPTS} times in a row; nothing was written: run the command again`,
				);
			}
		}
	}
}

/** Applies the plan as one D1 batch (one transaction); returns the version it created. */
export async function commitPlan(db: D1Database, plan: PublishPlan): Promise<number> {
	await db.batch(publishStatements(db, plan));
	return plan.baseVersion + 1;
}
