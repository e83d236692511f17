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
 * What may restart the program: called once with `restart`, which stops the program (SIGTERM) and
 * starts it again with the same arguments once it has exited; returns how to stop watching.
 */
export type RestartWatch = (restart: () => void) => () => void;

/**
 * Runs `node <args>` with the terminal and `env`; resolves to its exit status (128 + the signal's
 * number when a signal ended it, as a shell reports it). With `restartWhen`, the program is
 * started again each time it asks, and the status is that of the run that ended on its own or by
 * a signal sent to this process.
 */
export function runInForeground(
	args: readonly string[],
	env: NodeJS.ProcessEnv = process.env,
	restartWhen?: RestartWatch,
): Promise<number> {
	return new Promise((resolveRun, reject) => {
		// Set between asking the running program to stop and starting the next one.
		let restarting = false;
		// Set once this process was told to stop: nothing starts again.
		let stopping = false;
		let child = start();
		// While the child runs, a signal is only passed on, and this process waits for the child to
		// end: the handlers modules installed for themselves (wrangler's, on import, exit at once)
		// would leave the child running with no parent. A Ctrl-C reaches the child from the
		// terminal too; forwarding makes `kill <pid>` work alike.
		const others = FORWARDED.map((signal) => [signal, process.listeners(signal)] as const);
		const forward = (signal: NodeJS.Signals) => {
			stopping = true;
			child.kill(signal);
		};
		for (const signal of FORWARDED) {
			process.removeAllListeners(signal);
			process.on(signal, forward);
		}
		const unwatch = restartWhen?.(() => {
			if (restarting || stopping) return;
			restarting = true;
			child.kill("SIGTERM");
		});
		const done = () => {
			unwatch?.();
			for (const [signal, listeners] of others) {
				process.off(signal, forward);
				for (const listener of listeners) process.on(signal, listener);
			}
		};

		function start() {
			const started = spawn(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env });
			started.on("error", (error) => {
				done();
				reject(error);
			});
			started.on("exit", (code, signal) => {
				if (restarting && !stopping) {
					restarting = false;
					child = start();
					return;
				}
				done();
				resolveRun(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
			});
			return started;
		}
	});
}
