/**
 * An article's corrections and updates, where readers see them (page, fragment, embed): each with
 * its date and time in the newsroom's zone, corrections marked as such, oldest first.
 */
import type { Article, ChangeKind } from "../content/articleSchema";
import type { Site } from "../site/siteSchema";
import { html, type SafeHtml } from "./html";
import { timeHtml } from "./publicationDateHtml";

const KIND_LABELS: Record<ChangeKind, string> = { correction: "Correctie", update: "Update" };

/** The log as a section of the article, or nothing when it has none. */
export function changeLogHtml(site: Site, article: Article): SafeHtml {
	if (article.changes.length === 0) return html``;
	const entries = article.changes.map(
		(change) =>
			html`<li class="ew-change ew-change-${change.kind}"><strong class="ew-change-kind">${KIND_LABELS[change.kind]}</strong> ${timeHtml(change.at, "ew-change-date", site.timeZone)}: ${change.note}</li>\n`,
	);
	return html`<section class="ew-changes" aria-label="Correcties en updates">
<h2 class="ew-changes-heading">Correcties en updates</h2>
<ol class="ew-change-log">
${entries}</ol>
</section>
`;
}
