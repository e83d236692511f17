/**
 * What loading a document gives (types only): the document with its dates, or the fact that there
 * is none (404) or no longer one (410); and what it is loaded from. Shared by loadDocument.ts and
 * the loaders it calls (listings, sections, sitemaps).
 */
import type { Withdrawn } from "../http/errorResponses";
import type { DocumentKind } from "../site/documentKind";
import type { Site } from "../site/siteSchema";
import type { ContentState } from "../store/contentState";

/** One published document: its text and the time its content last changed. */
export interface PublishedDocument {
	readonly kind: DocumentKind;
	readonly body: string;
	/** When its bytes could last have changed (ms); absent for assets that carry no content. */
	readonly lastModified?: number;
	/** An RFC 5005 archive page (no WebSub discovery: nothing to subscribe to). */
	readonly archived?: true;
	/** Origins of the images a page or embed view shows (its CSP img-src); absent when none. */
	readonly imageOrigins?: readonly string[];
}

export type DocumentOutcome =
	| {
			readonly status: 200;
			readonly document: PublishedDocument;
			/** When the document changes with the clock alone (ms): not kept past this instant. */
			readonly expiresAt?: number;
	  }
	| { readonly status: 404 }
	| {
			readonly status: 410;
			/** What was withdrawn and when, for its 410 page; absent where it is not known. */
			readonly withdrawn?: Withdrawn;
	  };

/** The store, the clock and the state the request is answered against. */
export interface DocumentSource {
	readonly site: Site;
	readonly db: D1Database;
	readonly state: ContentState;
	readonly now: number;
}
