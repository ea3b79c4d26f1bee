/** One choice in a Select, RadioGroup or CheckboxGroup. */
export interface Choice {
	value: string | number;
	label: string;
	/** A hint under a radio button or checkbox (ignored in a Select). */
	hint?: string;
	disabled?: boolean;
}

/** A labelled group of choices in a Select (`<optgroup>`): buurten grouped by wijk. */
export interface ChoiceGroup {
	group: string;
	options: Choice[];
}

export const isGroup = (item: Choice | ChoiceGroup): item is ChoiceGroup => 'group' in item;

/** Form values are strings; a number 3 and a posted "3" are the same choice. */
export const sameValue = (a: unknown, b: string | number) =>
	a !== null && a !== undefined && String(a) === String(b);
