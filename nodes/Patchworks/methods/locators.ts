import type { INodeProperties } from 'n8n-workflow';

import { isBlank, parseId } from '../helpers/validation';

/** The list value, and By ID's empty value, that stand for "whatever version is deployed". */
export const DEPLOYED_VERSION = 'deployed';

// The dashboard's flow URLs are not documented: the first number after a path segment ending
// in "flow" or "flows" (/process-flows/101, /flows/101/…) is taken as the flow ID.
export const FLOW_URL_REGEX = 'https?://[^/?#]+/(?:[^?#]*?/)?[A-Za-z-]*flows?/(\\d+)';

/**
 * The Flow field: From List (searchable by name), By ID, or By URL. Named `flowId`, so a saved
 * workflow holding a plain string there (the legacy form) still runs: n8n hands such a value
 * back unchanged when it is read with `extractValue: true`.
 */
export function flowLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Flow',
		name: 'flowId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The process flow: choose it by name, or give its ID or its dashboard URL',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a flow...',
				typeOptions: { searchListMethod: 'searchFlows', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '101',
				hint: 'The number above the flow’s title on the Patchworks canvas',
				validation: [
					{
						type: 'regex',
						properties: { regex: '\\s*\\d*\\s*', errorMessage: 'A flow ID is a whole number' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://app.wearepatchworks.com/process-flows/101',
				extractValue: { type: 'regex', regex: FLOW_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `${FLOW_URL_REGEX}.*`,
							errorMessage: 'Not a Patchworks flow URL: it needs …/flows/<ID> in its path',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** The Version field: Deployed Version (the default), a version of the chosen flow, or an ID. */
export function versionLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Version',
		name: 'flowVersion',
		type: 'resourceLocator',
		default: { mode: 'list', value: DEPLOYED_VERSION, cachedResultName: 'Deployed Version' },
		description:
			'Deployed Version follows whatever version is deployed. A version ID is in flow settings → versions, column ID; it is not the version number.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a version...',
				typeOptions: { searchListMethod: 'searchVersions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'Empty for the deployed version',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '\\s*\\d*\\s*',
							errorMessage: 'A version ID is a whole number, or empty for the deployed version',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/**
 * A Version value read with `extractValue: true`: null for the deployed version, the ID's
 * digits, or undefined when it is neither.
 */
export function versionIdOf(value: unknown): string | null | undefined {
	if (isBlank(value)) return null;
	if (typeof value === 'string' && value.trim().toLowerCase() === DEPLOYED_VERSION) return null;
	return parseId(value);
}
