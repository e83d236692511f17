/**
 * Serves a built Worker bundle the way `wrangler dev` does, through Miniflare's API, so that its
 * D1 binding is the real local D1 (SQLite inside the same workerd process) reading a state
 * directory the project's own commands prepared. Beside it, in the same workerd process, run a
 * do-nothing baseline Worker and optionally a size-matched floor Worker (floor.ts): one direct
 * socket each on 127.0.0.1, with no Miniflare entry Worker in front, so all pay the same runtime
 * costs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Miniflare, fetch as miniflareFetch, type WorkerOptions } from "miniflare";
import workerd from "workerd";
import { wranglerConfig } from "../lib/wranglerConfig";

/** The baseline: answers every request with the same small (3-byte), prebuilt response. */
const BASELINE_WORKER = `const body = new TextEncoder().encode("ok\\n");
export default {
	fetch() {
		return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
	},
};
`;

export { freePort } from "../lib/localProcesses";

/** The floor Worker to run beside the target (floorComparison.ts). */
export interface FloorWorker {
	readonly port: number;
	readonly source: string;
}

export interface RuntimeOptions {
	/** A working directory (the pinning wrapper goes there). */
	readonly dir: string;
	/** The Worker's entry module (bundle.ts). */
	readonly bundle: string;
	/** The `--persist-to` state directory of the store it reads. */
	readonly persistTo: string;
	readonly ports: { readonly target: number; readonly baseline: number };
	readonly floor?: FloorWorker | undefined;
	readonly vars?: Readonly<Record<string, string>>;
	readonly deployment?: { readonly id: string; readonly timestamp: string } | undefined;
	readonly cpu?: number | undefined;
	readonly inspectorPort?: number | undefined;
}

/** A Worker's V8 heap (Runtime.getHeapUsage), in bytes. */
export interface HeapUsage {
	readonly usedSize: number;
	readonly totalSize: number;
	readonly backingStorageSize: number;
}

/** A running workerd with the target, the baseline and maybe the floor. */
export interface Runtime {
	readonly pid: number;
	/** performance.now() when Miniflare was started. */
	readonly startedAt: number;
	readonly ready: Promise<void>;
	/** Why Miniflare failed to start, if it did. */
	failed(): unknown;
	stderr(): string;
	/**
	 * A Worker's V8 heap, by default the target's (needs `inspectorPort`). `service` names a
	 * workerd service (Miniflare's D1 is `d1:db`).
	 */
	heapUsage(service?: string): Promise<HeapUsage | undefined>;
	stop(): Promise<void>;
}

/** A URL answered with a status other than 200: polling it again will not help. */
export class UnexpectedStatusError extends Error {
	override readonly name = "UnexpectedStatusError";
}

/**
 * What the bench takes from wrangler.toml, so it runs what deploys: compatibility date and flags,
 * the D1 binding and the local database id wrangler gives it, the version metadata binding.
 */
export function workerSettings(): {
	compatibilityDate: string | undefined;
	compatibilityFlags: string[];
	d1Databases: Record<string, string>;
	versionMetadata: string | undefined;
} {
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
export function d1PersistPath(persistTo: string): string {
	return join(resolve(persistTo), "v3", "d1");
}

/** taskset pins a process to one CPU, so workerd and the load generator do not steal each other's. */
export const canPin = existsSync("/usr/bin/taskset") || existsSync("/bin/taskset");

export function pinned(
	cpu: number | undefined,
	command: string,
	args: readonly string[],
): [string, string[]] {
	return canPin && cpu !== undefined
		? ["taskset", ["-c", String(cpu), command, ...args]]
		: [command, [...args]];
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
}: RuntimeOptions): Promise<Runtime> {
	const settings = workerSettings();
	const compatibility = {
		compatibilityDate: settings.compatibilityDate,
		compatibilityFlags: settings.compatibilityFlags,
	};
	const socket = (port: number) => [{ host: "127.0.0.1", port }];
	const workers: WorkerOptions[] = [
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
			stderrStream.on("data", (chunk: Buffer) => {
				stderr += chunk;
				if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
			});
		},
	});
	let failure: unknown;
	const ready = miniflare.ready.then(
		() => undefined,
		(error: unknown) => {
			failure = error;
		},
	);
	let pid: number | undefined;
	try {
		while (pid === undefined && failure === undefined) {
			pid = workerdChild();
			if (pid === undefined) await new Promise((r) => setTimeout(r, 2));
		}
	} finally {
		delete process.env.MINIFLARE_WORKERD_PATH;
	}
	if (failure !== undefined || pid === undefined) {
		throw new Error(`Miniflare did not start: ${failure}\n${stderr}`);
	}
	return {
		pid,
		startedAt,
		ready,
		failed: () => failure,
		stderr: () => stderr,
		heapUsage: (service = "core:user:target") => heapUsage(inspectorPort, service),
		async stop() {
			await ready;
			await miniflare.dispose();
		},
	};
}

function workerdCommand(dir: string, cpu: number | undefined): string {
	const binary = typeof workerd === "string" ? workerd : workerd.default;
	if (!canPin || cpu === undefined) return binary;
	const wrapper = join(dir, `workerd-cpu${cpu}.sh`);
	writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${cpu} '${binary}' "$@"\n`, { mode: 0o755 });
	return wrapper;
}

/** The pid of this process's workerd child (its comm is workerd once taskset has exec'd it). */
function workerdChild(): number | undefined {
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
async function heapUsage(
	inspectorPort: number | undefined,
	service: string,
): Promise<HeapUsage | undefined> {
	if (inspectorPort === undefined) return undefined;
	const response = await miniflareFetch(`http://127.0.0.1:${inspectorPort}/${service}`, {
		headers: { Upgrade: "websocket" },
	});
	const socket = response.webSocket;
	if (socket === null) throw new Error(`no inspector for ${service} on port ${inspectorPort}`);
	socket.accept();
	try {
		return await new Promise<HeapUsage>((resolveUsage, reject) => {
			socket.addEventListener("message", (event) => {
				const message = JSON.parse(String(event.data)) as {
					readonly id?: number;
					readonly error?: { readonly message: string };
					readonly result?: HeapUsage;
				};
				if (message.id !== 1) return;
				if (message.error !== undefined) reject(new Error(message.error.message));
				else if (message.result !== undefined) resolveUsage(message.result);
				else reject(new Error(`no heap usage for ${service}`));
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
export async function firstResponse(
	url: string,
	startedAt: number,
	{
		timeoutMs = 60_000,
		headers,
		runtime,
	}: {
		readonly timeoutMs?: number;
		readonly headers?: Readonly<Record<string, string>>;
		readonly runtime?: Runtime;
	} = {},
): Promise<{ sinceStartMs: number; requestMs: number }> {
	for (;;) {
		const failed = runtime?.failed();
		if (failed !== undefined) throw new Error(`workerd failed: ${failed}\n${runtime?.stderr()}`);
		const sent = performance.now();
		try {
			const response = await fetch(url, headers === undefined ? {} : { headers });
			await response.arrayBuffer();
			if (response.status === 200) {
				const now = performance.now();
				return { sinceStartMs: now - startedAt, requestMs: now - sent };
			}
			throw new UnexpectedStatusError(`${url} answered ${response.status}`);
		} catch (error) {
			// Not answering yet is what the loop waits out; a wrong answer is final.
			if (error instanceof UnexpectedStatusError) throw error;
			if (performance.now() - startedAt > timeoutMs) throw new Error(`${url}: no answer in time`);
			await new Promise((r) => setTimeout(r, 5));
		}
	}
}

/** Resident memory of a process in MiB (Linux), or undefined elsewhere. */
export function rssMiB(pid: number): number | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : undefined;
	} catch {
		return undefined;
	}
}
