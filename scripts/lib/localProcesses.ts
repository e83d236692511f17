/**
 * Local processes for the scripts that exercise the real Worker: free loopback ports, and
 * `wrangler dev` started in its own process group so that stopping it ends workerd too.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createServer } from "node:net";
import type { Readable } from "node:stream";

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released at once for the caller). */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			if (address === null || typeof address === "string") {
				reject(new Error("the OS gave no TCP port"));
				return;
			}
			server.close(() => resolvePort(address.port));
		});
	});
}

export interface WranglerDevSettings {
	/** Worker variables besides SITE_URL (which is the served origin unless given here). */
	readonly vars?: Readonly<Record<string, string>>;
	/** A state directory of its own (prepare it first with prepareLocalStore). */
	readonly persistTo?: string | undefined;
}

/**
 * `wrangler dev` options serving on 127.0.0.1:port with SITE_URL set to that origin, and, with
 * `persistTo`, from a store of its own (prepare it first with prepareLocalStore).
 */
export function wranglerDevOptions(
	port: number,
	{ vars = {}, persistTo }: WranglerDevSettings = {},
): string[] {
	const all = { SITE_URL: `http://127.0.0.1:${port}`, ...vars };
	return [
		"--port",
		String(port),
		"--ip",
		"127.0.0.1",
		...(persistTo === undefined ? [] : ["--persist-to", persistTo]),
		...Object.entries(all).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
	];
}

export interface SpawnedGroup {
	readonly child: ChildProcessByStdio<null, Readable, Readable>;
	/** Everything it printed so far, stdout and stderr interleaved. */
	output(): string;
	/** Signals the whole process group. */
	stop(): void;
}

export interface SpawnGroupOptions {
	readonly cwd?: string;
	readonly onOutput?: (output: string) => void;
}

/**
 * Spawns a command in its own process group with CI output settings. `stop()` signals the whole
 * group; `output()` is everything it printed so far.
 */
export function spawnGroup(
	command: string,
	args: readonly string[],
	{ cwd, onOutput }: SpawnGroupOptions = {},
): SpawnedGroup {
	const child = spawn(command, args, {
		cwd,
		detached: true,
		stdio: ["ignore", "pipe", "pipe"],
		// The Worker reads nothing from request.cf: wrangler need not download its sample (offline).
		env: { ...process.env, CI: "true", NO_COLOR: "1", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
	});
	let output = "";
	const collect = (chunk: Buffer) => {
		output += chunk.toString();
		onOutput?.(output);
	};
	child.stdout.on("data", collect);
	child.stderr.on("data", collect);
	return {
		child,
		output: () => output,
		stop() {
			if (child.pid === undefined) return;
			try {
				process.kill(-child.pid, "SIGTERM");
			} catch {
				// Already gone.
			}
		},
	};
}
