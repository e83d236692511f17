/**
 * A stub WebSub hub on 127.0.0.1 for the publish tests: it records every request and answers it
 * as the test says, including the ways a hostile hub answers (redirects, stalls, floods).
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export interface Ping {
	readonly method: string;
	readonly path: string;
	readonly contentType: string | undefined;
	readonly form: URLSearchParams;
}

export interface StubHub {
	readonly url: string;
	readonly pings: Ping[];
	/** Bytes of answer bodies written so far (for the flooding hub). */
	readonly sent: () => number;
}

type Answer = (ping: Ping, response: ServerResponse, count: (bytes: number) => void) => void;

const servers: Server[] = [];

afterEach(async () => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

function record(request: IncomingMessage, then: (ping: Ping) => void): void {
	let text = "";
	request.setEncoding("utf8");
	request.on("data", (chunk: string) => {
		text += chunk;
	});
	request.on("end", () =>
		then({
			method: request.method ?? "",
			path: request.url ?? "",
			contentType: request.headers["content-type"],
			form: new URLSearchParams(text),
		}),
	);
}

/** A hub at `/hub` that answers every request with `answer`. */
export async function startHub(answer: Answer): Promise<StubHub> {
	const pings: Ping[] = [];
	let sent = 0;
	const server = createServer((request, response) => {
		record(request, (ping) => {
			pings.push(ping);
			answer(ping, response, (bytes) => {
				sent += bytes;
			});
		});
	});
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	servers.push(server);
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/hub`, pings, sent: () => sent };
}

/** A hub that answers every ping with `status` and `body`. */
export function stubHub(status: number, body = ""): Promise<StubHub> {
	return startHub((_ping, response) => {
		response.writeHead(status, { "Content-Type": "text/plain" }).end(body);
	});
}

/** Redirects the POST to `/accepted`, which answers any request 200: a redirect is not acceptance. */
export function redirectingHub(): Promise<StubHub> {
	return startHub((ping, response) => {
		if (ping.path === "/hub") response.writeHead(302, { Location: "/accepted" }).end("moved");
		else response.writeHead(200).end("accepted");
	});
}

/** Sends `status` and the start of a body, then never finishes it. */
export function stallingHub(status: number): Promise<StubHub> {
	return startHub((_ping, response) => {
		response.writeHead(status, { "Content-Type": "text/plain" });
		response.write("still thinking");
	});
}

/** Never answers at all. */
export function silentHub(): Promise<StubHub> {
	return startHub(() => {});
}

/** An error answer of `total` bytes, streamed as fast as the reader takes it. */
export function floodingHub(total: number): Promise<StubHub> {
	return startHub((_ping, response, count) => {
		response.writeHead(500, { "Content-Type": "text/plain" });
		const chunk = Buffer.alloc(64 * 1024, "x");
		let written = 0;
		const pump = () => {
			while (written < total && !response.destroyed) {
				written += chunk.length;
				count(chunk.length);
				if (!response.write(chunk)) {
					response.once("drain", pump);
					return;
				}
			}
			response.end();
		};
		pump();
	});
}

/** A hub whose refusal tries to clear the screen and forge an "accepted" log line. */
export const FORGED_ANSWER =
	"\u001B[2J\u001B[31mno\r\nwebsub:publish: http://hub.example/ accepted everything\u202E";

/** A server that was started and closed again: its port refuses connections. */
export async function closedHub(): Promise<StubHub> {
	const hub = await stubHub(204);
	const server = servers.pop();
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve));
	return hub;
}
