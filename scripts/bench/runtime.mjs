/**
 * Serves a built Worker bundle the way `wrangler dev` does, through Miniflare's API, so that its
 * D1 binding is the real local D1 (SQLite inside the same workerd process) reading a state
 * directory the project's own commands prepared. Beside it, in the same workerd process, run a
 * do-nothing baseline Worker and optionally a size-matched floor Worker (floor.mjs): one direct
 * socket each on 127.0.0.1, with no Miniflare entry Worker in front, so all pay the same runtime
 * costs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Miniflare, fetch as miniflareFetch } from "miniflare";
import workerd from "workerd";
import { wranglerConfig } from "../lib/d1Store.mjs";

/** The baseline: answers every request with the same small (3-byte), prebuilt response. */
const BASELINE_WORKER = `const body = new TextEncoder().encode("ok\\n");
export default {
	fetch() {
		return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
	},
};
`;

export { freePort } from "../lib/localProcesses.mjs";

/**
 * What the bench takes from wrangler.toml, so it runs what deploys: compatibility date and flags,
 * the D1 binding and the local database id wrangler gives it, the version metadata binding.
 */
export function workerSettings() {
	const config = wranglerConfig();
	const d1 = config.d1_databases.map((database) => [
		database.binding,
		database.preview_database_id ?? database.database_id ?? database.binding,
	]);
	return {
		compatibilityDate: config.compatibility_date,
		compatibilityFlags: config.compatibility_flags,
		d1Databases: Object.fromEntries(d1),
		versionMetadata: config.version_metadata?.binding,
	};
}

/** Where a `--persist-to <dir>` state directory keeps D1 (wrangler puts Miniflare's root at v3/). */
export function d1PersistPath(persistTo) {
	return join(resolve(persistTo), "v3", "d1");
}

/** taskset pins a process to one CPU, so workerd and the load generator do not steal each other's. */
export const canPin = existsSync("/usr/bin/taskset") || existsSync("/bin/taskset");

export function pinned(cpu, command, args) {
	return canPin && cpu !== undefined
		? ["taskset", ["-c", String(cpu), command, ...args]]
		: [command, args];
}

/**
 * Starts one Miniflare (one workerd process) serving `bundle` on ports.target with the D1 state in
 * `persistTo`, the baseline on ports.baseline and, when `floor` ({ source, port }) is given, the
 * floor. `deployment` ({ id, timestamp }) is the version metadata binding, fixed so that two
 * starts serve identical bytes; without it the Worker has none, and skips the edge cache.
 * `inspectorPort` opens workerd's inspector (for heapUsage; it slows the Worker down). `cpu` pins workerd from its first instruction (taskset exec's it,
 * so its pid stays the child's). Resolves once Miniflare has spawned workerd.
 */
export async function startRuntime({
	dir,
	bundle,
	persistTo,
	ports,
	floor,
	vars = {},
	deployment,
	cpu,
	inspectorPort,
}) {
	const settings = workerSettings();
	const compatibility = {
		compatibilityDate: settings.compatibilityDate,
		compatibilityFlags: settings.compatibilityFlags,
	};
	const socket = (port) => [{ host: "127.0.0.1", port }];
	const workers = [
		{
			name: "target",
			...compatibility,
			modules: true,
			scriptPath: resolve(bundle),
			modulesRoot: dirname(resolve(bundle)),
			d1Databases: settings.d1Databases,
			bindings: {
				...vars,
				...(settings.versionMetadata !== undefined &&
					deployment !== undefined && {
						[settings.versionMetadata]: { tag: "", ...deployment },
					}),
			},
			unsafeDirectSockets: socket(ports.target),
		},
		{
			name: "baseline",
			...compatibility,
			modules: true,
			script: BASELINE_WORKER,
			unsafeDirectSockets: socket(ports.baseline),
		},
	];
	if (floor !== undefined) {
		workers.push({
			name: "floor",
			...compatibility,
			modules: true,
			script: floor.source,
			unsafeDirectSockets: socket(floor.port),
		});
	}
	// Miniflare spawns MINIFLARE_WORKERD_PATH when set: a wrapper that pins workerd to `cpu`. It is
	// unset again once workerd runs, so that no other command (wrangler's own Miniflare) inherits it.
	process.env.MINIFLARE_WORKERD_PATH = workerdCommand(dir, cpu);
	let stderr = "";
	const startedAt = performance.now();
	const miniflare = new Miniflare({
		workers,
		...(inspectorPort !== undefined && { inspectorPort }),
		d1Persist: d1PersistPath(persistTo),
		// The Cache API (edge cache of cold documents) in a throwaway directory, as `wrangler dev`.
		cachePersist: false,
		handleRuntimeStdio(stdout, stderrStream) {
			stdout.resume();
			stderrStream.on("data", (chunk) => {
				stderr += chunk;
				if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
			});
		},
	});
	let failure;
	const ready = miniflare.ready.catch((error) => {
		failure = error;
	});
	let pid;
	try {
		while (pid === undefined && failure === undefined) {
			pid = workerdChild();
			if (pid === undefined) await new Promise((r) => setTimeout(r, 2));
		}
	} finally {
		delete process.env.MINIFLARE_WORKERD_PATH;
	}
	if (failure !== undefined) throw new Error(`Miniflare did not start: ${failure}\n${stderr}`);
	return {
		pid,
		startedAt,
		ready,
		failed: () => failure,
		stderr: () => stderr,
		/**
		 * A Worker's V8 heap, by default the target's (needs `inspectorPort`): { usedSize, totalSize }
		 * in bytes. `service` names a workerd service (Miniflare's D1 is `d1:db`).
		 */
		heapUsage: (service = "core:user:target") => heapUsage(inspectorPort, service),
		async stop() {
			await ready;
			await miniflare.dispose();
		},
	};
}

function workerdCommand(dir, cpu) {
	const binary = typeof workerd === "string" ? workerd : workerd.default;
	if (!canPin || cpu === undefined) return binary;
	const wrapper = join(dir, `workerd-cpu${cpu}.sh`);
	writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${cpu} '${binary}' "$@"\n`, { mode: 0o755 });
	return wrapper;
}

/** The pid of this process's workerd child (its comm is workerd once taskset has exec'd it). */
function workerdChild() {
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
			const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			if (ppid === process.pid && comm === "workerd") return Number(entry);
		} catch {
			// The process ended while we looked.
		}
	}
	return undefined;
}

/**
 * A Worker's V8 heap, asked over the DevTools protocol (Runtime.getHeapUsage) on workerd's
 * inspector socket; the WebSocket comes from Miniflare's fetch.
 */
async function heapUsage(inspectorPort, service) {
	if (inspectorPort === undefined) return undefined;
	const response = await miniflareFetch(`http://127.0.0.1:${inspectorPort}/${service}`, {
		headers: { Upgrade: "websocket" },
	});
	const socket = response.webSocket;
	if (socket === null) throw new Error(`no inspector for ${service} on port ${inspectorPort}`);
	socket.accept();
	try {
		return await new Promise((resolveUsage, reject) => {
			socket.addEventListener("message", (event) => {
				const message = JSON.parse(String(event.data));
				if (message.id !== 1) return;
				if (message.error !== undefined) reject(new Error(message.error.message));
				else resolveUsage(message.result);
			});
			socket.send(JSON.stringify({ id: 1, method: "Runtime.getHeapUsage", params: {} }));
		});
	} finally {
		socket.close();
	}
}

/**
 * Polls `url` until it answers 200 (failing at once if `runtime` failed to start); returns
 * milliseconds since `startedAt` and the response time of that first successful request (which,
 * for the target, includes reading the content state from D1 and preparing the document).
 */
export async function firstResponse(url, startedAt, { timeoutMs = 60_000, headers, runtime } = {}) {
	for (;;) {
		const failed = runtime?.failed();
		if (failed !== undefined) throw new Error(`workerd failed: ${failed}\n${runtime.stderr()}`);
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
