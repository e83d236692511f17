/**
 * Tells a WebSub hub that topics (feed URLs) have new content: one POST per topic, form-encoded
 * `hub.mode=publish&hub.url=<topic>`, the publish ping hubs accept (WebSub leaves publishing to
 * the hub; this is the PubSubHubbub 0.4 convention Google's, Superfeedr's and WebSub.rocks' hubs
 * follow). Shared by the Worker's cron (releases of scheduled articles), `npm run websub:publish`
 * and the commands that publish.
 *
 * The hub is not trusted: only a 2xx answer to the POST itself counts (redirects are not
 * followed), each exchange is bounded in time, at most ANSWER_LIMIT_BYTES of an answer are read,
 * and everything the hub says is returned with control characters escaped, so it cannot forge
 * log lines or drive a terminal. It never throws: every topic gets a result.
 *
 * @example
 * const results = await notifyHub({ hub: "https://hub.example/", topics: ["https://news.example.org/feed.xml"] });
 * if (results.some((result) => !result.accepted)) process.exitCode = 1;
 */

import { checkHttpUrl } from "../content/httpUrl";

/** What the hub did with one topic. `message` is printable: escaped, without credentials. */
export interface PingResult {
	readonly topic: string;
	readonly accepted: boolean;
	/** The status the hub answered with; absent when it never answered. */
	readonly status?: number;
	readonly message: string;
}

export interface NotifyHubOptions {
	/** The hub URL: absolute http(s), without credentials (anything else fails every topic). */
	readonly hub: string;
	readonly topics: readonly string[];
	/** Limit for each ping, answer included (default DEFAULT_TIMEOUT_MS). */
	readonly timeoutMs?: number;
	/** Receives each result as soon as it is known. */
	readonly log?: (result: PingResult) => void;
	/** The fetch to send with (the runtime's by default). */
	readonly fetch?: typeof fetch;
}

/** How long one ping may take, from connecting to the end of the answer. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of a hub's answer is read: enough for an error message, never a flood. */
export const ANSWER_LIMIT_BYTES = 4096;
/** How much of a refusing hub's answer is quoted. */
const EXCERPT_CHARS = 500;

// C0/C1 controls (ESC, CR, LF...), format characters (bidi controls) and line/paragraph separators.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * `text` safe to print on a terminal: every control or format character written as an escape
 * (`\x1B`, `\u202E`), and the `user:password@` of any URL in it hidden.
 */
export function printable(text: unknown): string {
	const hidden = String(text).replace(/(\/\/)[^/?#\s@]*@/g, "$1…@");
	return hidden.replace(UNPRINTABLE, (char) => {
		const code = char.codePointAt(0) ?? 0;
		return code <= 0xff
			? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
			: `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
	});
}

/**
 * Pings `hub` for each of `topics`, one after the other, and resolves to one result per topic.
 * `log`, when given, receives each result as soon as it is known (what it throws is its own).
 */
export async function notifyHub({
	hub,
	topics,
	timeoutMs = DEFAULT_TIMEOUT_MS,
	log,
	fetch: send = fetch,
}: NotifyHubOptions): Promise<PingResult[]> {
	const checked = checkHttpUrl(hub);
	const results: PingResult[] = [];
	for (const topic of topics) {
		const result = checked.ok
			? await ping(send, checked.value.href, String(topic), timeoutMs).catch((error: unknown) => ({
					topic: String(topic),
					accepted: false,
					message: `hub ${checked.value.href}: unexpected error for ${printable(topic)}: ${printable(causeOf(error))}`,
				}))
			: {
					topic: String(topic),
					accepted: false,
					message: `WEBSUB_HUB: ${printable(checked.problems.join("; "))}`,
				};
		results.push(result);
		log?.(result);
	}
	return results;
}

async function ping(
	send: typeof fetch,
	hub: string,
	topic: string,
	timeoutMs: number,
): Promise<PingResult> {
	const where = `hub ${hub}`;
	const shownTopic = printable(topic);
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	const within = `within ${timeoutMs / 1000} s`;
	try {
		let response: Response;
		try {
			response = await send(hub, {
				method: "POST",
				headers: { "Content-Type": "application/x-www-form-urlencoded" },
				body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }),
				// A redirect is not an acceptance; following it would POST elsewhere or GET a page.
				redirect: "manual",
				signal: controller.signal,
			});
		} catch (error) {
			const message = controller.signal.aborted
				? `${where} did not answer ${shownTopic} ${within}`
				: `${where} is unreachable for ${shownTopic}: ${printable(causeOf(error))}`;
			return { topic, accepted: false, message };
		}
		const { status } = response;
		if (status >= 200 && status <= 299) {
			discard(response.body);
			return {
				topic,
				accepted: true,
				status,
				message: `${hub} accepted ${shownTopic} (${status})`,
			};
		}
		const answer = await readExcerpt(response.body);
		const statusText = printable(response.statusText);
		const location = response.headers.get("Location");
		const redirect =
			location === null
				? ""
				: ` (redirects to "${printable(location).slice(0, 200)}", not followed)`;
		const cut = !answer.broken
			? ""
			: controller.signal.aborted
				? ` (the answer did not finish ${within})`
				: " (the answer broke off)";
		return {
			topic,
			accepted: false,
			status,
			message: `${where} refused ${shownTopic}: ${status} ${statusText}${redirect}: ${answer.text}${cut}`,
		};
	} finally {
		clearTimeout(timer);
	}
}

function causeOf(error: unknown): string {
	const cause = error instanceof Error ? error.cause : undefined;
	if (cause instanceof Error) return "code" in cause ? String(cause.code) : cause.message;
	return error instanceof Error ? error.message : String(error);
}

/** Closes a body that is not needed; the hub may stall or flood it. */
function discard(body: ReadableStream<Uint8Array> | null): void {
	body?.cancel().catch(() => {});
}

/**
 * At most ANSWER_LIMIT_BYTES of the body as printable text (the rest is never read), and whether
 * reading it failed before its end or the limit.
 */
async function readExcerpt(
	body: ReadableStream<Uint8Array> | null,
): Promise<{ readonly text: string; readonly broken: boolean }> {
	if (body === null) return { text: "(empty body)", broken: false };
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	let broken = false;
	let complete = false;
	try {
		while (size < ANSWER_LIMIT_BYTES) {
			const { done, value } = await reader.read();
			if (done) {
				complete = true;
				break;
			}
			chunks.push(value);
			size += value.byteLength;
		}
	} catch {
		// Aborted by the time limit, or the connection broke: quote what arrived.
		broken = true;
	}
	if (!complete) reader.cancel().catch(() => {});
	const bytes = new Uint8Array(Math.min(size, ANSWER_LIMIT_BYTES));
	let offset = 0;
	for (const chunk of chunks) {
		const part = chunk.subarray(0, bytes.length - offset);
		bytes.set(part, offset);
		offset += part.length;
	}
	const characters = [...new TextDecoder().decode(bytes).trim()];
	const excerpt = printable(characters.slice(0, EXCERPT_CHARS).join(""));
	const more = !complete || characters.length > EXCERPT_CHARS ? "…" : "";
	return { text: excerpt === "" ? "(empty body)" : `${excerpt}${more}`, broken };
}
