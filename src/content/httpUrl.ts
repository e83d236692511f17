/**
 * The one check for "an absolute http(s) URL" (STYLE: URLs are checked with `new URL()` and an
 * http/https allow-list): content fields, the site's variables, the WebSub hub and the commands'
 * options all use it. A URL with a user name or password is refused: it would publish a secret.
 */
import { type Checked, invalid, valid } from "./checked";
import { describeValue } from "./describeValue";
import { quoted } from "./limits";

/** `value` as an absolute http(s) URL without credentials, or what is wrong with it. */
export function checkHttpUrl(value: unknown): Checked<URL> {
	if (typeof value !== "string") return invalid(`expected a URL, got ${describeValue(value)}`);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return invalid(`expected an absolute http(s) URL, got ${quoted(value)}`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		// A parsed scheme is letters, digits, "+", "-" and ".": safe to show as it is.
		return invalid(`expected an http(s) URL, got the ${url.protocol} scheme`);
	}
	// The URL itself is not repeated: it holds a secret.
	if (url.username !== "" || url.password !== "") {
		return invalid("must not contain a user name or password");
	}
	return valid(url);
}
