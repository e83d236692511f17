/**
 * What the design suite serves beside content/: enough articles for a second page, lead images, a
 * 48-letter compound in a headline, sections, an author with several articles, an article that is
 * withdrawn (410) and one scheduled a week ahead (the preview). Imported as an archive (NDJSON),
 * the way a newsroom loads articles that have no content file. Test fixtures only: the articles
 * and their source are made up.
 */
import type { ArticleInput } from "../../../src/content/articleSchema";

/** The longest word the suite asks every page to fit at 320 px. */
export const COMPOUND = "arbeidsongeschiktheidsverzekeringsmaatschappijen";

/** Served by the test itself (sceneImages.ts), never fetched from the network. */
export const IMAGE_ORIGIN = "https://beeld.edgewire.example";

export const LEAD_SLUG = "kabinet-wil-strenger-toezicht-op-verzekeraars";
export const SECTION = "werk";
export const AUTHOR = { name: "Sanne de Boer", segment: "sanne-de-boer" } as const;
export const WITHDRAWN_SLUG = "stadhuis-gesloten-bericht-ingetrokken";
export const SCHEDULED_SLUG = "nieuwe-regels-voor-verzekeraars-gaan-in";
/** A word in every public article but the lead's (21 of them): two pages of search results. */
export const SEARCH_PAGED = "deskundigen";
/** A prefix of the compound: its headline comes back with the whole compound marked. */
export const SEARCH_COMPOUND = "arbeidsongeschiktheid*";

const SOURCE = { name: "Edgewire-redactie", url: "https://edgewire.example/redactie" };
const SANNE = {
	name: AUTHOR.name,
	url: "https://edgewire.example/sanne",
	handle: "@sanne@edgewire.example",
};
const JORIS = { name: "Joris Vermeulen" };

type Scene = "dijk" | "stad" | "veld";
const SCENES: Readonly<Record<Scene, string>> = {
	dijk: "Getekend landschap: een groene dijk langs een brede rivier onder een lichte lucht",
	stad: "Getekend stadsgezicht: huizen met verlichte ramen langs een gracht in de schemering",
	veld: "Getekend landschap: akkers in stroken tot aan de horizon, met een molen",
};

function image(scene: Scene) {
	return {
		url: `${IMAGE_ORIGIN}/2026/${scene}.png`,
		alt: SCENES[scene],
		width: 1200,
		height: 800,
		type: "image/png",
		credit: "Illustratie Edgewire",
	} as const;
}

function article(
	slug: string,
	headline: string,
	published: string,
	tags: readonly string[],
	summary: string,
	extra: Partial<ArticleInput> = {},
): ArticleInput {
	return {
		slug,
		headline,
		published,
		language: "nl",
		source: SOURCE,
		summary,
		tags,
		body: [
			{ type: "paragraph", text: summary },
			{
				type: "paragraph",
				text: "Wie de afgelopen weken met betrokkenen sprak, hoorde vooral dat het tijd werd. Tegelijk waarschuwen deskundigen dat de uitvoering meer tijd kost dan de plannen doen vermoeden, en dat gemeenten en organisaties daarvoor mensen en geld nodig hebben.",
			},
			{ type: "heading", text: "Wat er verandert" },
			{
				type: "paragraph",
				text: "De eerste maatregelen gaan in het voorjaar in. Daarna volgt een evaluatie, waarin ook wordt gekeken naar de gevolgen voor mensen met een laag inkomen en voor kleine ondernemers.",
			},
		],
		...extra,
	};
}

/** Newest first, all published before the suite runs (late 2026); the compound is second. */
export const readerCorpus: readonly ArticleInput[] = [
	article(
		"waterschappen-versterken-dijken-langs-de-lek",
		"Waterschappen versterken dijken langs de Lek eerder dan gepland",
		"2026-12-03T16:45:00+01:00",
		["klimaat", "binnenland"],
		"Na de hoge waterstanden van vorig jaar beginnen de waterschappen twee jaar eerder met het versterken van twintig kilometer dijk. Bewoners langs de rivier krijgen deze maand een brief over de werkzaamheden en de omleidingen.",
		{ authors: [JORIS], image: image("dijk") },
	),
	article(
		LEAD_SLUG,
		`Kabinet wil ${COMPOUND} strenger laten controleren`,
		"2026-12-03T11:20:00+01:00",
		[SECTION, "economie"],
		"Verzekeraars die uitkeringen bij arbeidsongeschiktheid uitvoeren, krijgen vaker bezoek van de toezichthouder. Het kabinet wil dat zij sneller beslissen over aanvragen en beter uitleggen waarom een uitkering wordt geweigerd. Werkgevers en vakbonden reageren verdeeld: zij steunen het doel, maar vrezen meer papierwerk.",
		{
			authors: [SANNE],
			image: image("veld"),
			body: [
				{
					type: "paragraph",
					text: "Verzekeraars die uitkeringen bij arbeidsongeschiktheid uitvoeren, krijgen vaker bezoek van de toezichthouder. Het kabinet wil dat zij sneller beslissen over aanvragen en beter uitleggen waarom een uitkering wordt geweigerd.",
				},
				{
					type: "paragraph",
					text: "Dat staat in een brief die de minister van Sociale Zaken vandaag naar de Tweede Kamer heeft gestuurd. Volgens de minister wachten mensen die ziek worden nu soms maanden op een beslissing, terwijl hun inkomen al is gedaald.",
				},
				{ type: "heading", text: "Werkgevers en vakbonden verdeeld" },
				{
					type: "paragraph",
					text: "Werkgevers en vakbonden reageren verdeeld. Zij steunen het doel, maar vrezen meer papierwerk. „Controle is goed, maar dan moet er ook iemand zijn die de formulieren leest”, zegt een woordvoerder van een vakbond.",
				},
				{
					type: "mediaCaption",
					media: "video",
					caption: "De minister licht de plannen toe in Nieuwspoort.",
					credit: "Edgewire",
				},
				{
					type: "paragraph",
					text: "De Tweede Kamer debatteert in januari over de plannen. Als een meerderheid instemt, gaan de eerste regels op 1 juli in.",
				},
			],
		},
	),
	article(
		"nachttreinen-naar-berlijn-en-wenen-vanaf-het-voorjaar",
		"Nieuwe nachttreinen naar Berlijn en Wenen vanaf het voorjaar",
		"2026-12-02T19:05:00+01:00",
		["verkeer"],
		"Vanaf april rijden er vaker nachttreinen vanuit Amsterdam naar Berlijn en Wenen. De vervoerders verwachten dat vooral zakenreizigers en gezinnen de trein vaker kiezen dan het vliegtuig.",
	),
	article(
		"gemeenten-krijgen-meer-ruimte-om-woningen-op-te-splitsen",
		"Gemeenten krijgen meer ruimte om woningen op te splitsen",
		"2026-12-02T08:30:00+01:00",
		["wonen"],
		"Grote woningen mogen makkelijker worden opgesplitst in kleinere appartementen. Het kabinet hoopt zo snel duizenden woningen toe te voegen zonder nieuwbouw, vooral in de grote steden.",
		{ authors: [SANNE], image: image("stad") },
	),
	article(
		"knmi-code-geel-voor-gladheid-in-het-noorden",
		"Kou en gladheid verwacht: KNMI geeft code geel af voor het noorden",
		"2026-12-01T21:40:00+01:00",
		["weer"],
		"In Groningen, Friesland en Drenthe kan het morgenochtend spiegelglad zijn. Het KNMI raadt aan om extra reistijd te nemen en waar mogelijk later te vertrekken.",
	),
	article(
		"bibliotheken-langer-open-in-de-kerstvakantie",
		"Bibliotheken verlengen openingstijden in de kerstvakantie",
		"2026-12-01T10:00:00+01:00",
		["cultuur"],
		"Ruim honderd bibliotheken zijn in de kerstvakantie ook 's avonds open. Ze willen een warme plek bieden voor wie thuis niet rustig kan werken of lezen.",
		{ authors: [JORIS] },
	),
	article(
		"jongeren-lezen-weer-vaker-een-papieren-boek",
		"Onderzoek: jongeren lezen weer vaker een papieren boek",
		"2026-11-30T14:15:00+01:00",
		["cultuur", "onderwijs"],
		"Het aantal jongeren dat minstens één papieren boek per maand leest, is voor het eerst in tien jaar gestegen. Boekhandels zien vooral de verkoop van fantasy en waargebeurde verhalen groeien.",
	),
	article(
		"rechter-vernietigt-vergunning-uitbreiding-veehouderij",
		"Rechter vernietigt vergunning voor uitbreiding van veehouderij",
		"2026-11-29T16:50:00+01:00",
		["binnenland"],
		"De provincie had de vergunning niet mogen geven, oordeelt de rechter. De boer moet nu opnieuw laten berekenen hoeveel stikstof zijn bedrijf uitstoot.",
		{ image: image("veld") },
	),
	article(
		"zorgverzekeraars-maken-premies-bekend",
		"Zorgverzekeraars maken premies voor volgend jaar bekend",
		"2026-11-28T09:00:00+01:00",
		["zorg", "economie"],
		"De basisverzekering wordt gemiddeld acht euro per maand duurder. Wie wil overstappen, heeft daarvoor tot het einde van het jaar de tijd.",
		{ authors: [SANNE] },
	),
	article(
		"subsidie-voor-isolatie-van-grachtenpanden",
		"Grachtenpanden krijgen subsidie voor isolatie",
		"2026-11-27T12:30:00+01:00",
		["wonen", "klimaat"],
		"Eigenaren van monumentale panden kunnen vanaf januari subsidie aanvragen voor isolatie die het uiterlijk van het pand niet verandert.",
		{ image: image("stad") },
	),
	article(
		"minder-pakketbezorgers-op-de-fiets",
		"Minder pakketbezorgers op de fiets dan verwacht",
		"2026-11-26T15:45:00+01:00",
		["verkeer", SECTION],
		"Bezorgdiensten zouden in de binnensteden overstappen op bakfietsen, maar het aantal blijft achter. De bedrijven noemen de kosten en het gebrek aan opslagruimte.",
	),
	article(
		"scholen-zoeken-nog-altijd-leraren",
		"Scholen zoeken nog altijd honderden leraren",
		"2026-11-25T07:50:00+01:00",
		["onderwijs", SECTION],
		"Vooral in de grote steden staan klassen nog zonder vaste leraar. Scholen lossen het op met invallers, grotere klassen en soms een vierdaagse schoolweek.",
		{ authors: [JORIS] },
	),
	article(
		"museum-toont-vergeten-schilderijen",
		"Museum toont vergeten schilderijen uit eigen depot",
		"2026-11-24T11:10:00+01:00",
		["cultuur"],
		"Zestig schilderijen die decennialang in het depot stonden, hangen vanaf zaterdag in een nieuwe tentoonstelling.",
	),
	article(
		"meer-mensen-werken-na-hun-pensioen",
		"Meer mensen blijven werken na hun pensioen",
		"2026-11-23T13:25:00+01:00",
		[SECTION, "economie"],
		"Bijna één op de vijf gepensioneerden heeft een betaalde baan, blijkt uit nieuwe cijfers. Vaak gaat het om een paar uur per week.",
		{ authors: [SANNE] },
	),
	article(
		"nieuwe-fietsbrug-over-het-ij",
		"Plannen voor een fietsbrug over het IJ liggen er weer",
		"2026-11-22T17:00:00+01:00",
		["verkeer", "wonen"],
		"De gemeente wil opnieuw onderzoeken of een brug tussen het centrum en Noord kan. Eerdere plannen strandden op de kosten en de scheepvaart.",
	),
	article(
		"stormschade-valt-mee",
		"Stormschade valt mee, wel veel omgewaaide bomen",
		"2026-11-21T08:05:00+01:00",
		["weer", "binnenland"],
		"De storm van vannacht heeft minder schade veroorzaakt dan gevreesd. Wel lagen op veel plaatsen bomen over de weg.",
		{ image: image("dijk") },
	),
	article(
		"huisartsen-willen-minder-administratie",
		"Huisartsen willen minder tijd kwijt zijn aan administratie",
		"2026-11-20T10:40:00+01:00",
		["zorg"],
		"Gemiddeld besteedt een huisarts een dag per week aan formulieren. De beroepsvereniging vraagt het kabinet om dat te halveren.",
	),
	article(
		"treinen-vaker-op-tijd",
		"Treinen reden dit najaar vaker op tijd",
		"2026-11-19T18:20:00+01:00",
		["verkeer"],
		"Ruim 93 procent van de treinen reed in oktober en november op tijd. Dat is het beste najaar in vijf jaar.",
	),
	article(
		"minimumloon-stijgt-in-januari",
		"Minimumloon stijgt in januari met drie procent",
		"2026-11-18T09:30:00+01:00",
		[SECTION, "economie"],
		"Het wettelijk minimumloon gaat op 1 januari omhoog. Ook de uitkeringen die eraan gekoppeld zijn, stijgen.",
		{ authors: [SANNE] },
	),
	article(
		"waddeneilanden-willen-minder-autos",
		"Waddeneilanden willen minder auto's van toeristen",
		"2026-11-17T14:00:00+01:00",
		["verkeer", "klimaat"],
		"De eilanden overwegen een maximum aan het aantal auto's dat per dag met de boot mee mag.",
	),
	article(
		"bakkers-merken-hoge-energieprijs",
		"Bakkers merken de hoge energieprijs nog steeds",
		"2026-11-16T07:15:00+01:00",
		["economie"],
		"Ondanks de gedaalde prijzen betalen veel bakkers nog een vast contract uit de duurste tijd.",
	),
	article(
		"nieuwe-hal-voor-het-songfestival",
		"Rotterdam bouwt tijdelijke hal voor grote evenementen",
		"2026-11-15T12:00:00+01:00",
		["cultuur"],
		"De hal moet volgend jaar klaar zijn en biedt plaats aan twaalfduizend bezoekers.",
	),
];

/** Imported, then withdrawn: its URL answers 410 with a page that names it. */
export const withdrawnArticle: ArticleInput = article(
	WITHDRAWN_SLUG,
	"Stadhuis morgen gesloten vanwege storing",
	"2026-11-14T09:00:00+01:00",
	["binnenland"],
	"Het stadhuis blijft morgen dicht door een storing in de verwarming.",
);

/**
 * Scheduled a week after `now`, at 09:30 in Amsterdam: the editors' preview shows it, the public
 * does not yet.
 */
export function scheduledArticle(now: Date): ArticleInput {
	const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
	return article(
		SCHEDULED_SLUG,
		`Nieuwe regels voor ${COMPOUND} gaan in`,
		`${day}T09:30:00+01:00`,
		[SECTION],
		"Vanaf vandaag gelden de nieuwe regels voor verzekeraars die uitkeringen bij arbeidsongeschiktheid uitvoeren.",
		{ authors: [SANNE], image: image("dijk") },
	);
}
