/** The site's only stylesheet, served at a URL named by its hash (stylesheetUrl.ts), so pages need no inline style (CSP). */
export const stylesheet = `:root { color-scheme: light dark; }
body { font: 1.125rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; }
.site-header { margin-bottom: 2rem; }
.site-name { font-weight: 700; text-decoration: none; }
.site-footer { margin-top: 3rem; font-size: 0.9rem; }
.ew-headline { line-height: 1.2; }
.ew-meta, .ew-footer, .ew-media-caption { font-size: 0.9rem; opacity: 0.85; }
.ew-media-kind { font-weight: 600; }
.ew-lead-image { margin: 1.5rem 0; }
.ew-image { display: block; max-width: 100%; height: auto; }
.ew-image-credit { font-size: 0.9rem; opacity: 0.85; }
.ew-articles { list-style: none; padding: 0; }
.ew-teaser { margin-bottom: 2rem; }
.ew-preview-banner { margin: 0 0 2rem; padding: 0.75rem 1rem; border: 3px solid #b45309; background: #fef3c7; color: #451a03; }
.ew-form-problem { padding: 0.5rem 1rem; border-left: 4px solid #b91c1c; }
`;
