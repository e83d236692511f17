/** Local servers for the end-to-end suite: the Worker under `wrangler dev`, and free ports. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
	const server = createServer();
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const address = server.address();
	server.close();
	await once(server, "close");
	if (address === null || typeof address === "string") throw new Error("no port assigned");
	return address.port;
}

export interface RunningWorker {
	readonly origin: string;
	stop(): Promise<void>;
}

const WRANGLER = join("node_modules", "wrangler", "bin", "wrangler.js");

/** `npm run db:prepare -- --persist-to <state>`; rejects with its output if it fails. */
async function prepareStore(state: string): Promise<void> {
	const child = spawn(
		process.execPath,
		[join("scripts", "run.mjs"), join("scripts", "prepareLocalStore.ts"), "--persist-to", state],
		{ stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
	);
	await succeeded(child, "preparing the local store");
}

/**
 * `npm run <script> -- <args>` (a project command such as `import` or `withdraw`), as an editor
 * runs it; rejects with its output if it fails.
 */
export async function runProjectCommand(script: string, args: readonly string[]): Promise<void> {
	const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
		stdio: ["ignore", "pipe", "pipe"],
		env: { ...process.env, CI: "true" },
	});
	await succeeded(child, `npm run ${script}`);
}

async function succeeded(child: ChildProcess, what: string): Promise<void> {
	let output = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		output += chunk.toString();
	});
	child.stderr?.on("data", (chunk: Buffer) => {
		output += chunk.toString();
	});
	const [code] = (await once(child, "close")) as [number | null];
	if (code !== 0) throw new Error(`${what} failed:\n${output}`);
}

/**
 * `wrangler dev` on free ports with SITE_URL matching the origin it serves, its own state
 * directory (so it shares nothing with a developer's `npm run dev`), and its own process group
 * (so stopping it stops workerd too). Resolves once the Worker answers. `addContent` may put more
 * into its store (the state directory, for `--persist-to`) before it starts.
 */
export async function startWorker(
	vars: Record<string, string> = {},
	addContent?: (state: string) => Promise<void>,
): Promise<RunningWorker> {
	const [port, inspectorPort] = [await freePort(), await freePort()];
	const origin = `http://127.0.0.1:${port}`;
	const state = await mkdtemp(join(tmpdir(), "edgewire-e2e-"));
	// The store this wrangler dev serves: migrations applied and content/ published into it.
	try {
		await prepareStore(state);
		await addContent?.(state);
	} catch (error) {
		await rm(state, { recursive: true, force: true });
		throw error;
	}
	const varArgs = Object.entries({ SITE_URL: origin, ...vars }).flatMap(([name, value]) => [
		"--var",
		`${name}:${value}`,
	]);
	const child = spawn(
		process.execPath,
		[
			WRANGLER,
			"dev",
			"--ip",
			"127.0.0.1",
			"--port",
			String(port),
			"--inspector-port",
			String(inspectorPort),
			"--persist-to",
			state,
			"--show-interactive-dev-session=false",
			...varArgs,
		],
		{ detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
	);
	let output = "";
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-4000);
	};
	child.stdout?.on("data", keep);
	child.stderr?.on("data", keep);
	const stop = async () => {
		await stopGroup(child);
		await rm(state, { recursive: true, force: true });
	};
	try {
		await waitUntilAnswering(origin, child, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { origin, stop };
}

async function waitUntilAnswering(
	origin: string,
	child: ChildProcess,
	output: () => string,
): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
		}
		try {
			const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
			await response.arrayBuffer();
			if (response.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`wrangler dev did not answer on ${origin} within 90 s:\n${output()}`);
}

/** SIGTERM to the whole group, SIGKILL if it is still there after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
	const pid = child.pid;
	if (pid === undefined || child.exitCode !== null) return;
	const exited = once(child, "exit");
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
		} catch {
			// Already gone.
		}
	};
	signalGroup("SIGTERM");
	const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
	await exited;
	clearTimeout(timer);
	signalGroup("SIGKILL");
}
