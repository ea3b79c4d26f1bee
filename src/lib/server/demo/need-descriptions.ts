// What residents write when they report a need, in plain Dutch (B1), a few per leefgebied.

export const NEED_DESCRIPTIONS: Record<string, string[]> = {
	'sociaal-netwerk': [
		'Ik zit veel alleen thuis en wil graag mensen ontmoeten.',
		'Sinds mijn man is overleden zie ik bijna niemand meer.',
		'Wij zijn nieuw in de buurt en kennen nog niemand.'
	],
	geldzaken: [
		'Ik kom niet meer rond en de rekeningen stapelen zich op.',
		'Ik heb hulp nodig om mijn post en betalingen op orde te krijgen.',
		'Mijn energierekening is veel te hoog geworden.'
	],
	'opvoeden-en-opgroeien': [
		'Mijn zoon gaat niet meer naar school; ik weet niet wat ik moet doen.',
		'Ik zoek hulp bij de opvoeding van mijn peuter.',
		'Mijn dochter zit veel alleen op haar kamer.'
	],
	gezondheid: [
		'Ik wil meer bewegen maar durf niet alleen.',
		'Ik heb moeite met mijn medicijnen bijhouden.',
		'Na mijn operatie red ik het huishouden niet.'
	],
	mantelzorg: [
		'Ik zorg voor mijn moeder en ben op.',
		'Ik wil af en toe een dag vrij van de zorg voor mijn partner.',
		'Wie kan een middag bij mijn vader zijn?'
	],
	wonen: [
		'Er is veel overlast in onze portiek.',
		'Mijn huis is vochtig en de verhuurder doet niets.',
		'Ik kan de trap bijna niet meer op.'
	],
	'taal-en-digitaal': [
		'Ik wil beter Nederlands leren spreken.',
		'Ik snap DigiD niet en moet iets aanvragen.',
		'Brieven van de gemeente kan ik niet goed lezen.'
	],
	'werk-en-dagbesteding': [
		'Ik zoek vrijwilligerswerk om iets om handen te hebben.',
		'Ik wil weer aan het werk maar weet niet hoe.',
		'Ik zit thuis sinds ik ben afgekeurd.'
	],
	vervoer: [
		'Ik kan niet meer fietsen en de bus rijdt hier niet.',
		'Hoe kom ik bij het ziekenhuis voor mijn controles?'
	],
	voeding: [
		'Aan het eind van de maand is er te weinig eten.',
		'Ik kook niet meer voor mezelf alleen.'
	]
};
