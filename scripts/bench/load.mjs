/** Load runs with autocannon in one long-lived child process, optionally pinned to its own CPU. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pinned } from "./runtime.mjs";

const RUNNER = fileURLToPath(new URL("./loadRunner.mjs", import.meta.url));

/**
 * Starts the load generator. `run(url, { seconds, connections, headers })` loads `url` with
 * keep-alive connections and resolves to requests/s, latency percentiles and status counts.
 * `sequence(urls)` requests each URL in turn on one keep-alive connection and resolves to
 * `{ ms, status, bytes }` per URL.
 */
export function startLoadGenerator({ cpu } = {}) {
	const [command, args] = pinned(cpu, process.execPath, [RUNNER]);
	const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
	const pending = new Map();
	let next = 0;
	child.on("message", ({ id, result, error }) => {
		const waiter = pending.get(id);
		pending.delete(id);
		if (error !== undefined) waiter?.reject(new Error(error));
		else waiter?.resolve(result);
	});
	child.on("exit", (code) => {
		for (const waiter of pending.values())
			waiter.reject(new Error(`load generator exited ${code}`));
		pending.clear();
	});
	const send = (message) => {
		const id = next++;
		return new Promise((resolve, reject) => {
			pending.set(id, { resolve, reject });
			child.send({ id, ...message });
		});
	};
	return {
		/** The autocannon process (taskset execs into it, so this is node's pid when pinned). */
		pid: child.pid,
		run(url, { seconds, connections, headers = {} }) {
			return send({ url, seconds, connections, headers });
		},
		sequence(urls) {
			return send({ sequence: urls });
		},
		stop() {
			if (child.connected) child.disconnect();
			return new Promise((resolve) =>
				child.exitCode !== null ? resolve() : child.on("exit", resolve),
			);
		},
	};
}
