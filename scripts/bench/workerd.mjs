/**
 * Serves a built Worker bundle with the workerd binary wrangler ships, beside a do-nothing baseline
 * Worker (and optionally a size-matched floor Worker, see floor.mjs) in the same process: one
 * socket each on 127.0.0.1, so all pay the same runtime costs.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const WORKERD = resolve("node_modules/.bin/workerd");

/** The baseline: answers every request with the same small (3-byte), prebuilt response. */
const BASELINE_WORKER = `const body = new TextEncoder().encode("ok\\n");
export default {
	fetch() {
		return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
	},
};
`;

export { freePort } from "../lib/localProcesses.mjs";

/** Reads compatibility settings from wrangler.toml, so the bench runs what deploys. */
export function compatibility(wranglerToml) {
	const text = readFileSync(wranglerToml, "utf8");
	const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(text)?.[1];
	const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? "";
	if (date === undefined) throw new Error(`${wranglerToml}: no compatibility_date`);
	return { date, flags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]) };
}

/**
 * Writes a workerd config serving `bundle` on targetPort and the baseline on baselinePort, plus,
 * when `floor` ({ source, port }) is given, that Worker source as floor.js on floor.port.
 */
export function writeConfig({ dir, bundle, compat, targetPort, baselinePort, floor, vars = {} }) {
	writeFileSync(join(dir, "baseline.js"), BASELINE_WORKER);
	if (floor !== undefined) writeFileSync(join(dir, "floor.js"), floor.source);
	const flags = compat.flags.map((flag) => JSON.stringify(flag)).join(", ");
	const bindings = Object.entries(vars)
		.map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
		.join(", ");
	const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "target", worker = .target),
    (name = "baseline", worker = .baseline),${floor === undefined ? "" : `\n    (name = "floor", worker = .floor),`}
  ],
  sockets = [
    (name = "target", address = "127.0.0.1:${targetPort}", http = (), service = "target"),
    (name = "baseline", address = "127.0.0.1:${baselinePort}", http = (), service = "baseline"),${floor === undefined ? "" : `\n    (name = "floor", address = "127.0.0.1:${floor.port}", http = (), service = "floor"),`}
  ],
);

const target :Workerd.Worker = (
  modules = [(name = "index.js", esModule = embed ${JSON.stringify(relative(dir, resolve(bundle)))})],
  compatibilityDate = ${JSON.stringify(compat.date)},
  compatibilityFlags = [${flags}],
  bindings = [${bindings}],
);

const baseline :Workerd.Worker = (
  modules = [(name = "baseline.js", esModule = embed "baseline.js")],
  compatibilityDate = ${JSON.stringify(compat.date)},
  compatibilityFlags = [${flags}],
);
${
	floor === undefined
		? ""
		: `
const floor :Workerd.Worker = (
  modules = [(name = "floor.js", esModule = embed "floor.js")],
  compatibilityDate = ${JSON.stringify(compat.date)},
  compatibilityFlags = [${flags}],
);
`
}`;
	const path = join(dir, "workerd.capnp");
	writeFileSync(path, config);
	return path;
}

/** taskset pins a process to one CPU, so workerd and the load generator do not steal each other's. */
export const canPin = existsSync("/usr/bin/taskset") || existsSync("/bin/taskset");

export function pinned(cpu, command, args) {
	return canPin && cpu !== undefined
		? ["taskset", ["-c", String(cpu), command, ...args]]
		: [command, args];
}

/** Starts workerd; resolves once it has been spawned. `stop()` ends it and waits. */
export function startWorkerd(configPath, { cpu } = {}) {
	const [command, args] = pinned(cpu, WORKERD, ["serve", configPath]);
	const startedAt = performance.now();
	const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
	let stderr = "";
	child.stderr.on("data", (chunk) => {
		stderr += chunk;
		if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
	});
	const exited = new Promise((resolveExit) => child.on("exit", resolveExit));
	return {
		child,
		startedAt,
		stderr: () => stderr,
		exited,
		async stop() {
			if (child.exitCode === null) child.kill("SIGTERM");
			await exited;
		},
	};
}

/**
 * Polls `url` until it answers 200 (failing at once if `process`, a started workerd, exits); returns milliseconds since `startedAt` and the response
 * time of that first successful request (which, for the target, includes the lazy preparation).
 */
export async function firstResponse(url, startedAt, { timeoutMs = 60_000, headers, process } = {}) {
	for (;;) {
		if (process !== undefined && process.child.exitCode !== null) {
			throw new Error(`workerd exited (${process.child.exitCode}):\n${process.stderr()}`);
		}
		const sent = performance.now();
		try {
			const response = await fetch(url, { headers });
			await response.arrayBuffer();
			if (response.status === 200) {
				const now = performance.now();
				return { sinceStartMs: now - startedAt, requestMs: now - sent };
			}
			throw new Error(`${url} answered ${response.status}`);
		} catch (error) {
			if (error instanceof Error && /answered/.test(error.message)) throw error;
			if (performance.now() - startedAt > timeoutMs) throw new Error(`${url}: no answer in time`);
			await new Promise((r) => setTimeout(r, 5));
		}
	}
}

/** Resident memory of a process in MiB (Linux), or undefined elsewhere. */
export function rssMiB(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : undefined;
	} catch {
		return undefined;
	}
}
