/** Load runs with autocannon in one long-lived child process, optionally pinned to its own CPU. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { commandLine } from "../lib/projectRoot";
import { pinned } from "./runtime";

const RUNNER = fileURLToPath(new URL("./loadRunner.ts", import.meta.url));

/** One autocannon run. */
export interface LoadResult {
	readonly requestsPerSecond: number;
	readonly total: number;
	readonly p50Ms: number;
	readonly p99Ms: number;
	readonly meanMs: number;
	/** Errors and timeouts. */
	readonly errors: number;
	/** How many answers had each status. */
	readonly statuses: Readonly<Record<string, number>>;
}

/** One request of a sequence: from sending it to its last body byte. */
export interface SequenceResult {
	readonly ms: number;
	readonly status: number;
	readonly bytes: number;
}

export interface LoadRequest {
	readonly url: string;
	readonly seconds: number;
	readonly connections: number;
	readonly headers: Readonly<Record<string, string>>;
}

/** What load.ts asks loadRunner.ts (over IPC), and what it answers. */
export type LoadMessage =
	| ({ readonly id: number } & LoadRequest)
	| { readonly id: number; readonly sequence: readonly string[] };
export type LoadAnswer =
	| { readonly id: number; readonly run: LoadResult }
	| { readonly id: number; readonly sequence: readonly SequenceResult[] }
	| { readonly id: number; readonly error: string };
type Answered = Exclude<LoadAnswer, { readonly error: string }>;

export interface LoadGenerator {
	/** The autocannon process (taskset execs into it, so this is node's pid when pinned). */
	readonly pid: number;
	run(
		url: string,
		options: {
			readonly seconds: number;
			readonly connections: number;
			readonly headers?: Readonly<Record<string, string>> | undefined;
		},
	): Promise<LoadResult>;
	sequence(urls: readonly string[]): Promise<readonly SequenceResult[]>;
	stop(): Promise<void>;
}

interface Waiter {
	resolve(answer: Answered): void;
	reject(error: Error): void;
}

/**
 * Starts the load generator. `run(url, { seconds, connections, headers })` loads `url` with
 * keep-alive connections and resolves to requests/s, latency percentiles and status counts.
 * `sequence(urls)` requests each URL in turn on one keep-alive connection and resolves to
 * `{ ms, status, bytes }` per URL.
 */
export function startLoadGenerator({
	cpu,
}: {
	readonly cpu?: number | undefined;
} = {}): LoadGenerator {
	const [command, args] = pinned(cpu, process.execPath, commandLine(RUNNER));
	const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
	const pending = new Map<number, Waiter>();
	let next = 0;
	child.on("message", (answer: LoadAnswer) => {
		const waiter = pending.get(answer.id);
		pending.delete(answer.id);
		if ("error" in answer) waiter?.reject(new Error(answer.error));
		else waiter?.resolve(answer);
	});
	child.on("exit", (code) => {
		for (const waiter of pending.values())
			waiter.reject(new Error(`load generator exited ${code}`));
		pending.clear();
	});
	const send = (message: LoadMessage) =>
		new Promise<Answered>((resolve, reject) => {
			pending.set(message.id, { resolve, reject });
			child.send(message);
		});
	return {
		pid: child.pid ?? 0,
		async run(url, { seconds, connections, headers = {} }) {
			const answer = await send({ id: next++, url, seconds, connections, headers });
			if (!("run" in answer)) throw new Error("the load generator answered a run with a sequence");
			return answer.run;
		},
		async sequence(urls) {
			const answer = await send({ id: next++, sequence: urls });
			if (!("sequence" in answer))
				throw new Error("the load generator answered a sequence with a run");
			return answer.sequence;
		},
		stop() {
			if (child.connected) child.disconnect();
			return new Promise((resolve) => {
				if (child.exitCode !== null) resolve();
				else child.on("exit", () => resolve());
			});
		},
	};
}
