/**
 * Local processes for the scripts that exercise the real Worker: free loopback ports, and
 * `wrangler dev` started in its own process group so that stopping it ends workerd too.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released at once for the caller). */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/**
 * `wrangler dev` options serving on 127.0.0.1:port with SITE_URL set to that origin, and, with
 * `persistTo`, from a store of its own (prepare it first with prepareLocalStore).
 */
export function wranglerDevOptions(port, { vars = {}, persistTo } = {}) {
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

/**
 * Spawns a command in its own process group with CI output settings. `stop()` signals the whole
 * group; `output()` is everything it printed so far.
 */
export function spawnGroup(command, args, { cwd, onOutput } = {}) {
	const child = spawn(command, args, {
		cwd,
		detached: true,
		stdio: ["ignore", "pipe", "pipe"],
		env: { ...process.env, CI: "true", NO_COLOR: "1" },
	});
	let output = "";
	const collect = (chunk) => {
		output += chunk;
		onOutput?.(output);
	};
	child.stdout.on("data", collect);
	child.stderr.on("data", collect);
	return {
		child,
		output: () => output,
		stop() {
			try {
				process.kill(-child.pid, "SIGTERM");
			} catch {
				// Already gone.
			}
		},
	};
}
