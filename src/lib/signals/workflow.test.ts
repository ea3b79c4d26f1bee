import { describe, expect, it } from 'vitest';
import {
	SIGNAL_STATES,
	earlierStates,
	isSignalStatus,
	missingFields,
	nextStatus,
	transitionProblem,
	workflowRuleOf,
	type SignalStepFields
} from './workflow';

const EMPTY: SignalStepFields = {
	assessment: null,
	urgency: null,
	leefgebieden: [],
	burgerkracht: null,
	interventionKind: null,
	linkedInitiativeId: null,
	linkedProvisionId: null,
	interventionNote: null,
	outcome: null,
	householdsReached: null
};

const ASSESSED: SignalStepFields = {
	...EMPTY,
	assessment: 'Veel huishoudens met betalingsachterstanden.',
	urgency: 'hoog',
	leefgebieden: ['geldzaken'],
	burgerkracht: { eigen_kracht: false, netwerk: true, buurtinitiatieven: false, toelichting: null }
};

describe('the order of the steps', () => {
	it('runs signaleren → beoordelen → interveniëren → evalueren → afgesloten', () => {
		expect(SIGNAL_STATES.map((s) => nextStatus(s))).toEqual([
			'beoordelen',
			'interveniëren',
			'evalueren',
			'afgesloten',
			null
		]);
		expect(earlierStates('evalueren')).toEqual(['signaleren', 'beoordelen', 'interveniëren']);
		expect(earlierStates('signaleren')).toEqual([]);
		expect(isSignalStatus('interveniëren')).toBe(true);
		expect(isSignalStatus('intervenieren')).toBe(false);
		expect(isSignalStatus(3)).toBe(false);
	});
});

describe('transitionProblem', () => {
	it('allows one step forward, and staying (an edit)', () => {
		expect(transitionProblem('signaleren', 'beoordelen', null)).toBeNull();
		expect(transitionProblem('evalueren', 'afgesloten', undefined)).toBeNull();
		expect(transitionProblem('beoordelen', 'beoordelen', null)).toBeNull();
	});

	it('refuses to skip a step', () => {
		expect(transitionProblem('signaleren', 'interveniëren', 'haast')).toBe('skip');
		expect(transitionProblem('beoordelen', 'afgesloten', null)).toBe('skip');
	});

	it('allows going back to any earlier step, with a reason only', () => {
		expect(transitionProblem('afgesloten', 'signaleren', 'Opnieuw gemeld')).toBeNull();
		expect(transitionProblem('interveniëren', 'beoordelen', null)).toBe('back_without_reason');
		expect(transitionProblem('interveniëren', 'beoordelen', '   ')).toBe('back_without_reason');
	});
});

describe('missingFields', () => {
	it('asks nothing of signaleren and beoordelen', () => {
		expect(missingFields('signaleren', EMPTY)).toEqual([]);
		expect(missingFields('beoordelen', EMPTY)).toEqual([]);
	});

	it('needs the whole assessment for interveniëren', () => {
		expect(missingFields('interveniëren', EMPTY)).toEqual([
			'assessment',
			'urgency',
			'leefgebieden',
			'burgerkracht'
		]);
		expect(missingFields('interveniëren', { ...ASSESSED, assessment: '  ' })).toEqual([
			'assessment'
		]);
		expect(missingFields('interveniëren', ASSESSED)).toEqual([]);
		// Half an answer about burgerkracht is not an answer.
		expect(
			missingFields('interveniëren', { ...ASSESSED, burgerkracht: { netwerk: true } })
		).toEqual(['burgerkracht']);
	});

	it('needs the chosen answer for evalueren: a linked offer, or a description', () => {
		expect(missingFields('evalueren', ASSESSED)).toEqual(['interventionKind']);
		expect(
			missingFields('evalueren', { ...ASSESSED, interventionKind: 'bestaand_aanbod' })
		).toEqual(['linkedOffer']);
		expect(
			missingFields('evalueren', {
				...ASSESSED,
				interventionKind: 'bestaand_aanbod',
				linkedProvisionId: '00000000-0000-4000-8000-000000000001'
			})
		).toEqual([]);
		expect(
			missingFields('evalueren', { ...ASSESSED, interventionKind: 'nieuwe_voorziening' })
		).toEqual(['interventionNote']);
		expect(
			missingFields('evalueren', {
				...ASSESSED,
				interventionKind: 'individuele_ondersteuning',
				interventionNote: 'Schuldhulp aan huis'
			})
		).toEqual([]);
	});

	it('needs the evaluation for afgesloten, and everything before it', () => {
		const chosen: SignalStepFields = {
			...ASSESSED,
			interventionKind: 'nieuwe_voorziening',
			interventionNote: 'Een spreekuur geldzaken in het buurthuis'
		};
		expect(missingFields('afgesloten', chosen)).toEqual(['outcome', 'householdsReached']);
		expect(
			missingFields('afgesloten', { ...chosen, outcome: 'Loopt', householdsReached: 0 })
		).toEqual([]);
		expect(missingFields('afgesloten', EMPTY)).toHaveLength(7);
	});
});

describe('workflowRuleOf', () => {
	it('reads the rule the trigger names, and nothing else', () => {
		expect(workflowRuleOf('signal_skip: a signal moves forward one step at a time (a → c)')).toBe(
			'signal_skip'
		);
		expect(workflowRuleOf('duplicate key value violates unique constraint')).toBeNull();
		expect(workflowRuleOf('see signal_skip: later')).toBeNull();
	});
});
