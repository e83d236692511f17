import type { ArticleInput } from "../../src/content/articleSchema";

/**
 * NOS, July 2023: the night talks on asylum that preceded the fall of the Rutte IV cabinet.
 * Body verbatim from the seed (tests/fixtures/seed/nos-2023-07-asiel.txt); headline as published (seed README).
 */
export default {
	slug: "kabinetsberaad-over-asiel-vandaag-verder-crisis-nog-niet-afgewend",
	headline: "Kabinetsberaad over asiel vandaag verder, crisis nog niet afgewend",
	published: "2023-07",
	language: "nl",
	source: { name: "NOS", url: "https://nos.nl/" },
	tags: ["asiel", "kabinet-Rutte IV"],
	body: [
		{
			type: "paragraph",
			text: 'Het kabinet gaat vandaag verder onderhandelen over nieuwe maatregelen om de asielinstroom te beperken. De ministers van de vier regeringspartijen zijn er vannacht na uren overleg niet uitgekomen. Bronnen melden dat het overleg vastzit, na eerdere positieve signalen. Wel heeft premier Mark Rutte zijn excuses aangeboden tegenover de andere drie partijen voor zijn opstelling tijdens het crisisoverleg de dag ervoor, zo melden bronnen aan de NOS. Na afloop van het crisisoverleg, rond 01.45 uur vannacht, wilde Rutte weinig zeggen. "Vanavond was een stap in een proces van stappen", zei Rutte. De VVD-premier kondigde vast aan dat hij daar de komende dag op zijn wekelijkse persconferentie ook nog niets over zal zeggen. Daarna gaan de onderhandelingen verder. "We hebben echt goeie gesprekken, maar je bent er pas uit als het afgerond is", zei vicepremier Sigrid Kaag (D66) na afloop. "Wij vinden dat er al een krachtig pakket ligt, maar je moet er met zijn vieren uit komen."',
		},
		{ type: "heading", text: "Waar gaan de onderhandelingen over?" },
		{
			type: "paragraph",
			text: "Heikel punt is de wens van de VVD om een beperking op te leggen voor gezinshereniging aan toekomstige vluchtelingen. Dat wil zeggen: wanneer mogen mensen die later mogelijk een tijdelijke vluchtelingenstatus krijgen ook hun familieleden naar Nederland laten komen? Er lagen meerdere varianten op tafel, vertellen bronnen aan de NOS. Een daarvan was dat de beperkende maatregel eerst juridisch volledig zou worden uitgezocht voordat deze wordt ingevoerd. Een tweede variant was dat de Tweede Kamerfracties van VVD en CDA de beperking in een initiatiefwet zouden vastleggen, waarna er door de Kamer over kon worden gestemd. Als het voorstel een meerderheid zou halen, zou een volgend kabinet dit gaan uitvoeren. Beide varianten werden afgewezen door D66 en CU. Een nieuwe variant, waarvan de inhoud niet bekend is, wordt de komende dag besproken.",
		},
		{
			type: "paragraph",
			text: 'Volgens verschillende deelnemers is er nog genoeg aanleiding om door te praten. "Als we zouden denken er niet uit te komen dan zouden we er morgen geen tijd aan besteden", zei staatssecretaris voor Asielzaken Eric van der Burg (VVD). Ook CDA-minister Hugo de Jonge is hoopvol. "Ik heb echt wel het gevoel dat we met vier partijen aan tafel zaten die de verantwoordelijkheid voelen om eruit te komen. Het zou moeten kunnen lukken." De premier en vicepremiers na afloop van het overleg:',
		},
		{
			type: "mediaCaption",
			media: "video",
			caption:
				"Na uren overleg op het ministerie van Algemene Zaken zijn de coalitiepartijen er nog niet uit. Premier Rutte laat na afloop weten dat er morgen opnieuw onderhandeld wordt.",
			credit: "NOS",
		},
	],
} satisfies ArticleInput;
