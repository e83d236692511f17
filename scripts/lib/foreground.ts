/**
 * Runs another program in the foreground for a command that only prepares its way (`npm run dev`,
 * `npm run deploy`): it shares the terminal (stdio inherited), receives the signals the command
 * receives, and its exit status becomes the command's.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./projectRoot";

/** wrangler's own entry, run by this Node (as `npx wrangler` would). */
export const WRANGLER = join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js");

const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `node <args>` with the terminal and `env`; resolves to its exit status (128 + the signal's
 * number when a signal ended it, as a shell reports it).
 */
export function runInForeground(
	args: readonly string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
	return new Promise((resolveRun, reject) => {
		const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env });
		// While the child runs, a signal is only passed on, and this process waits for the child to
		// end: the handlers modules installed for themselves (wrangler's, on import, exit at once)
		// would leave the child running with no parent. A Ctrl-C reaches the child from the
		// terminal too; forwarding makes `kill <pid>` work alike.
		const others = FORWARDED.map((signal) => [signal, process.listeners(signal)] as const);
		const forward = (signal: NodeJS.Signals) => {
			child.kill(signal);
		};
		for (const signal of FORWARDED) {
			process.removeAllListeners(signal);
			process.on(signal, forward);
		}
		const done = () => {
			for (const [signal, listeners] of others) {
				process.off(signal, forward);
				for (const listener of listeners) process.on(signal, listener);
			}
		};
		child.on("error", (error) => {
			done();
			reject(error);
		});
		child.on("exit", (code, signal) => {
			done();
			resolveRun(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
		});
	});
}
