/**
 * The site's only stylesheet, served at a URL named by its hash (stylesheetUrl.ts), so pages need
 * no inline style (CSP). System fonts only, nothing fetched from elsewhere, no script needed.
 *
 * - Long Dutch text: hyphenation follows each element's `lang` (`hyphens: auto`), and no word can
 *   widen a page (`overflow-wrap`; `anywhere` on headings, which sit in grid and flex boxes where
 *   `break-word` would still let a 40-letter compound set their minimum width; WCAG 1.4.10).
 * - Two designed themes by `prefers-color-scheme`, each pair of text and background at least
 *   4.5:1 (WCAG 1.4.3 AA); links inside text are underlined, as their colour alone is not enough
 *   (WCAG 1.4.1); every focusable element shows a 3 px focus ring (WCAG 2.4.7).
 * - One column, 320 px to wide screens: side padding grows with the viewport instead of wrappers
 *   in the markup, so the header stays one element the search form can join.
 */
export const stylesheet = `:root {
	color-scheme: light dark;
	--bg: #fbfaf7; --surface: #f0eee8; --text: #1b1e20; --muted: #565d62; --rule: #d9d5cc;
	--link: #0b5566; --brand: #0f4c5c; --on-brand: #ffffff; --accent: #f4b942; --focus: #b3400a;
	--notice-bg: #fdf0cf; --notice-text: #3d2a00; --notice-rule: #a86a12; --danger: #b42318;
	--button: #0f4c5c; --on-button: #ffffff; --mark-bg: #ffe08a; --mark-text: #1b1e20; --mark-rule: #a86a12;
	--sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
	--serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", Georgia, serif;
	--mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
	--page: 46rem; --measure: 40rem; --gutter: 1rem;
}
@media (prefers-color-scheme: dark) {
	:root {
		--bg: #111416; --surface: #1c2124; --text: #e8e6e1; --muted: #a9b0b5; --rule: #30383d;
		--link: #8fd0e0; --brand: #0c3a46; --focus: #f4b942;
		--notice-bg: #3a2c0c; --notice-text: #fbe7b5; --notice-rule: #e0a83a; --danger: #ff8a7a;
		--button: #8fd0e0; --on-button: #111416; --mark-bg: #5a4300; --mark-text: #fff2c7; --mark-rule: #e0a83a;
	}
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
	display: flex; flex-direction: column; min-height: 100vh;
	margin: 0; background: var(--bg); color: var(--text);
	font: 1.0625rem/1.6 var(--sans);
	overflow-wrap: break-word; -webkit-hyphens: auto; hyphens: auto; hyphenate-limit-chars: 7 3 3;
}
h1, h2, h3 { font-family: var(--sans); line-height: 1.2; overflow-wrap: anywhere; text-wrap: balance; }
p { text-wrap: pretty; }
img { max-width: 100%; height: auto; }
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.18em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
code { font: 0.875em/1.4 var(--mono); overflow-wrap: anywhere; hyphens: none; }
kbd {
	padding: 0.05em 0.35em; border: 1px solid var(--rule); border-bottom-width: 2px; border-radius: 0.25rem;
	background: var(--surface); font: 0.875em/1.4 var(--mono); overflow-wrap: anywhere; hyphens: none;
}
mark {
	padding: 0 0.1em; border-radius: 0.15em; background: var(--mark-bg); color: var(--mark-text);
	box-shadow: inset 0 -2px var(--mark-rule); -webkit-box-decoration-break: clone; box-decoration-break: clone;
}

.site-header, main, .site-footer { padding-inline: max(var(--gutter), calc((100% - var(--page)) / 2)); }
.site-header {
	display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 1.5rem;
	padding-block: 0.75rem; background: var(--brand); color: var(--on-brand); border-bottom: 4px solid var(--accent);
}
.site-header :focus-visible { outline-color: var(--accent); }
.site-name {
	display: inline-flex; align-items: center; gap: 0.6rem; min-height: 2.75rem;
	color: inherit; text-decoration: none; font: 800 1.5rem/1 var(--sans); letter-spacing: -0.01em;
}
.site-name::before {
	content: ""; flex: none; width: 2.25rem; height: 2.25rem;
	background: url(edgewire.svg) center / contain no-repeat;
}
.site-search { display: flex; flex: 1 1 16rem; min-width: 0; max-width: 26rem; gap: 0.5rem; }
.site-search label {
	position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.site-search input {
	flex: 1; min-width: 0; padding: 0.5rem 0.75rem; border: 1px solid #ffffff; border-radius: 0.375rem;
	background: #ffffff; color: #1b1e20; font: 1rem/1.4 var(--sans);
}
.site-search input::placeholder { color: #565d62; opacity: 1; }
.site-search button {
	padding: 0.5rem 1rem; border: 0; border-radius: 0.375rem; background: var(--accent); color: #1b1e20;
	font: 700 1rem/1.4 var(--sans); cursor: pointer;
}
.site-search :focus-visible { outline-color: var(--accent); }
main { display: block; flex: 1 0 auto; padding-block: 1.75rem 0.5rem; }
.site-footer {
	margin-top: 3rem; padding-block: 1.5rem 2rem; border-top: 1px solid var(--rule);
	background: var(--surface); color: var(--muted); font-size: 0.9375rem;
}
.site-footer p { margin: 0; max-width: var(--measure); }
.site-footer a { color: var(--text); }

.ew-kicker, .page-description, .ew-meta, .ew-byline, .ew-image-credit, .ew-pagination, .ew-sections,
.ew-footer, .ew-changes, .ew-media-caption, .ew-author-links { font-family: var(--sans); }
.ew-kicker {
	margin: 0; color: var(--muted); font-size: 0.8125rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase;
}
.page-title {
	margin: 0.25rem 0 0.5rem; font-size: clamp(1.75rem, 1.35rem + 2vw, 2.5rem); font-weight: 800;
	line-height: 1.15; letter-spacing: -0.015em;
}
.ew-heading-page { color: var(--muted); font-weight: 600; }
.page-description { margin: 0 0 1.75rem; max-width: var(--measure); color: var(--muted); }
.ew-author-links { margin: -1rem 0 1.75rem; }

.ew-articles { margin: 0; padding: 0; list-style: none; border-top: 2px solid var(--text); }
.ew-teaser { padding-block: 1.25rem; border-bottom: 1px solid var(--rule); }
.ew-teaser-illustrated { display: grid; grid-template-columns: minmax(0, 1fr) clamp(5rem, 25vw, 7rem); column-gap: 1rem; }
.ew-teaser-illustrated > * { grid-column: 1; }
.ew-teaser-illustrated > .ew-meta, .ew-teaser-illustrated > .ew-summary { grid-column: 1 / -1; }
.ew-teaser-illustrated > .ew-teaser-image { grid-column: 2; grid-row: 1; align-self: start; }
.ew-teaser-image {
	display: block; width: 100%; aspect-ratio: 3 / 2; object-fit: cover; border-radius: 0.25rem; background: var(--surface);
}
.ew-teaser-headline, .ew-search-result h2 { margin: 0; font-size: 1.25rem; font-weight: 700; line-height: 1.25; letter-spacing: -0.01em; }
.ew-teaser-headline a, .ew-search-result h2 a { color: var(--text); text-decoration: none; }
.ew-teaser-headline a:hover, .ew-search-result h2 a:hover { text-decoration: underline; text-decoration-thickness: 2px; }
.ew-meta { margin: 0.35rem 0 0; color: var(--muted); font-size: 0.875rem; line-height: 1.45; }
.ew-meta a { color: inherit; }
.ew-meta .ew-section-link { color: var(--link); font-weight: 600; }
.ew-summary {
	margin: 0.5rem 0 0; font: 1rem/1.55 var(--serif);
	display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden;
}
.ew-latest > .ew-teaser:first-child .ew-teaser-headline { font-size: 1.625rem; line-height: 1.18; }
.ew-latest > .ew-teaser-illustrated:first-child { grid-template-columns: minmax(0, 1fr); }
.ew-latest > .ew-teaser-illustrated:first-child > .ew-teaser-image {
	grid-column: 1; grid-row: 1; aspect-ratio: 16 / 9; margin-bottom: 0.875rem;
}
.ew-empty { color: var(--muted); }
.ew-pagination {
	display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem;
	margin-top: 2rem; font-size: 0.9375rem;
}
.ew-pagination a {
	padding: 0.5rem 1rem; border: 1px solid var(--muted); border-radius: 999px; font-weight: 600; text-decoration: none;
}
.ew-pagination a:hover { background: var(--surface); }
.ew-pagination [rel="prev"]::before { content: "\\2190\\00a0" / ""; }
.ew-pagination [rel="next"]::after { content: "\\00a0\\2192" / ""; }
.ew-page { color: var(--muted); }

.ew-search-help, .ew-search-summary, .ew-search-note, .ew-search-sections { max-width: var(--measure); font-family: var(--sans); }
.ew-search-summary { margin: 0 0 1.25rem; color: var(--muted); }
.ew-search-summary q { color: var(--text); font-weight: 600; }
.ew-search-note {
	margin: 0 0 1.5rem; padding: 0.75rem 1rem; border-inline-start: 4px solid var(--mark-rule); border-radius: 0.25rem;
	background: var(--surface); font-size: 0.9375rem;
}
.ew-search-results { margin: 0; padding: 0; list-style: none; border-top: 2px solid var(--text); }
.ew-search-result { padding-block: 1.25rem; border-bottom: 1px solid var(--rule); }
.ew-snippet { margin: 0.5rem 0 0; max-width: var(--measure); font: 1rem/1.55 var(--serif); }
.ew-search-sections { margin: 1.75rem 0 0; color: var(--muted); font-size: 0.9375rem; }
.ew-search-sections a { font-weight: 600; }

.ew-article { max-width: var(--measure); }
.ew-header { margin-bottom: 1.5rem; }
.ew-headline {
	margin: 0 0 0.75rem; font-size: clamp(1.75rem, 1.2rem + 2.6vw, 2.75rem); font-weight: 800;
	line-height: 1.12; letter-spacing: -0.02em;
}
.ew-byline { margin: 0; font-size: 0.9375rem; font-weight: 600; }
.ew-header .ew-meta { margin-top: 0.2rem; }
.ew-lead-image { margin: 0 0 1.75rem; }
.ew-image { display: block; width: 100%; border-radius: 0.25rem; background: var(--surface); }
.ew-image-credit { margin-top: 0.4rem; color: var(--muted); font-size: 0.8125rem; }
.ew-paragraph { margin: 0 0 1.1em; font: 1.125rem/1.7 var(--serif); }
.ew-subheading { margin: 2rem 0 0.5rem; font-size: 1.25rem; }
.ew-media-caption {
	margin: 1.5rem 0; padding: 0.75rem 1rem; border-radius: 0.375rem; background: var(--surface);
	font-size: 0.9375rem; line-height: 1.5;
}
.ew-media-kind {
	display: block; color: var(--muted); font-size: 0.8125rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase;
}
.ew-media-credit { color: var(--muted); }
.ew-changes { margin: 2rem 0; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-radius: 0.375rem; font-size: 0.9375rem; }
.ew-changes-heading { margin: 0 0 0.5rem; font-size: 1rem; }
.ew-change-log { margin: 0; padding-inline-start: 1.25rem; }
.ew-change + .ew-change { margin-top: 0.4rem; }
.ew-change-correction .ew-change-kind { color: var(--danger); }
.ew-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9375rem; }
.ew-footer p { margin: 0; }
.ew-sections { max-width: var(--measure); color: var(--muted); font-size: 0.9375rem; }
.ew-sections p { margin: 1.25rem 0 0; }
.ew-sections .ew-section-link { font-weight: 600; }

.ew-embed { max-width: var(--page); margin: 0 auto; }
.ew-embed main { padding-block: 1rem; }
.ew-preview-banner {
	margin: 0 0 1.75rem; padding: 0.875rem 1.125rem; border: 2px solid var(--notice-rule); border-radius: 0.375rem;
	background: var(--notice-bg); color: var(--notice-text); font-family: var(--sans);
}
.ew-preview-banner p { margin: 0; }
.ew-form-problem { padding: 0.75rem 1rem; border: 2px solid var(--danger); border-radius: 0.375rem; }
.ew-preview-form label { font-weight: 600; }
.ew-preview-form input {
	width: 100%; max-width: 26rem; margin-top: 0.25rem; padding: 0.55rem 0.75rem; border: 1px solid var(--muted);
	border-radius: 0.375rem; background: var(--bg); color: var(--text); font: 1rem/1.4 var(--sans);
}
.ew-preview-form button, .ew-home-link {
	display: inline-block; padding: 0.6rem 1.2rem; border: 0; border-radius: 0.375rem;
	background: var(--button); color: var(--on-button); font: 700 1rem/1.4 var(--sans); text-decoration: none; cursor: pointer;
}
.ew-feed-group h2 { margin: 2rem 0 0.5rem; font-size: 1.375rem; }
.ew-feed-group h3 { margin: 1.25rem 0 0.25rem; font-size: 1.0625rem; }
.ew-feed-links { margin: 0; padding-inline-start: 1rem; }
.ew-feed-links code { font-size: 0.8125em; }

@media (min-width: 48em) {
	.site-header { padding-block: 1rem; }
	main { padding-block-start: 2.5rem; }
	.ew-teaser { padding-block: 1.5rem; }
	.ew-teaser-illustrated { grid-template-columns: minmax(0, 1fr) 12rem; column-gap: 1.5rem; }
	.ew-teaser-illustrated > .ew-meta, .ew-teaser-illustrated > .ew-summary { grid-column: 1; }
	.ew-teaser-illustrated > .ew-teaser-image { grid-row: 1 / span 3; }
	.ew-teaser-headline, .ew-search-result h2 { font-size: 1.4375rem; }
	.ew-latest > .ew-teaser:first-child .ew-teaser-headline { font-size: 2rem; }
	.ew-latest > .ew-teaser:first-child .ew-summary { -webkit-line-clamp: 4; line-clamp: 4; font-size: 1.0625rem; }
	.ew-latest > .ew-teaser-illustrated:first-child { grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); column-gap: 1.75rem; }
	.ew-latest > .ew-teaser-illustrated:first-child > .ew-teaser-image { grid-column: 2; grid-row: 1 / span 3; aspect-ratio: 3 / 2; margin: 0; }
	.ew-paragraph { font-size: 1.1875rem; }
}
@media print {
	.site-header, .site-footer, .ew-pagination { display: none; }
	.ew-summary { display: block; }
}
`;
