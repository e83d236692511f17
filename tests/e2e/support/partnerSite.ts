/**
 * A partner's site on its own origin (another 127.0.0.1 port), embedding an Edgewire article the
 * two documented ways: (a) its script fetch()es the fragment cross-origin and inserts it; (b) it
 * pastes the oEmbed `html` it got from the oEmbed endpoint. The page has a strict CSP of its own
 * that allows Edgewire only for fetching and framing, so anything else the embeds needed would
 * show up as a violation.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface PartnerSite {
	readonly origin: string;
	stop(): Promise<void>;
}

export interface PartnerConfig {
	/** Edgewire's origin. */
	readonly edgewire: string;
	/** The fragment URL the partner's script fetches. */
	readonly fragmentUrl: string;
	/** The oEmbed endpoint URL, as discovered from the article page. */
	readonly oembedUrl: string;
}

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Partner News</title>
<script src="/partner.js" defer></script>
</head>
<body>
<h1>Partner News</h1>
<section id="fetched"><h2>Fetched fragment</h2><div id="fragment-slot"></div></section>
<section id="oembed"><h2>oEmbed</h2><div id="oembed-slot"></div></section>
</body>
</html>
`;

/** The partner's script. `config` is JSON in a JS file served as such: nothing is interpreted as HTML. */
function partnerScript(config: PartnerConfig): string {
	return `"use strict";
const config = ${JSON.stringify(config)};
window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
	window.violations.push(event.violatedDirective + " blocked " + event.blockedURI);
});
async function text(url) {
	const response = await fetch(url);
	if (!response.ok) throw new Error(url + " answered " + response.status);
	return response.text();
}
async function embed() {
	// (a) The fragment is inert by construction; a template parses it without running anything.
	const fragment = document.createElement("template");
	fragment.innerHTML = await text(config.fragmentUrl);
	document.getElementById("fragment-slot").append(fragment.content);
	// (b) What a CMS does with an oEmbed answer: paste its html.
	const oembed = JSON.parse(await text(config.oembedUrl));
	document.getElementById("oembed-slot").innerHTML = oembed.html;
	document.body.dataset.embedded = "yes";
}
embed().catch((error) => {
	document.body.dataset.embedded = "failed: " + error.message;
	console.error(error);
});
`;
}

export async function startPartnerSite(config: PartnerConfig): Promise<PartnerSite> {
	const csp = [
		"default-src 'none'",
		"script-src 'self'",
		`connect-src ${config.edgewire}`,
		`frame-src ${config.edgewire}`,
		"base-uri 'none'",
	].join("; ");
	const server: Server = createServer((request, response) => {
		if (request.url === "/") {
			response.writeHead(200, {
				"Content-Type": "text/html; charset=utf-8",
				"Content-Security-Policy": csp,
			});
			response.end(PAGE);
		} else if (request.url === "/partner.js") {
			response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
			response.end(partnerScript(config));
		} else {
			response.writeHead(404).end();
		}
	});
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
