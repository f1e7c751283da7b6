import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idValue, runOutput } from '../../helpers/runs';
import { toEpochMs } from '../../helpers/time';
import { describeValue, isBlank, parseId } from '../../helpers/validation';
import { versionIdOf } from '../../methods/locators';
import type { CoreConnection, CoreRead } from '../../transport/core';
import { coreGetAll, coreGetResource } from '../../transport/core';
import { STATUS_FILTER } from './fields';
import { eachItem, readLimit } from './shared';

export { description } from './getMany.properties';

type Query = Array<[string, string | number]>;

function invalid(this: IExecuteFunctions, index: number, message: string, description: string) {
	return new NodeOperationError(this.getNode(), `${message} (item ${index})`, {
		itemIndex: index,
		description: `${description} Nothing was read.`,
	});
}

function readFlowId(this: IExecuteFunctions, index: number): string | null {
	const value = this.getNodeParameter('flowId', index, '', { extractValue: true });
	if (isBlank(value)) return null;
	const flowId = parseId(value);
	if (flowId !== undefined) return flowId;
	const shown = describeValue(value);
	throw invalid.call(
		this,
		index,
		`Flow must be a flow ID, but is ${shown}`,
		'Flow IDs are numbers such as 101.',
	);
}

/** The version filter's ID: the one chosen, or the flow's deployed version looked up. */
async function readVersionId(
	this: IExecuteFunctions,
	index: number,
	connection: CoreConnection,
	flowId: string | null,
): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', index, {}) as IDataObject;
	if (!('flowVersion' in filters)) return undefined;
	const value = this.getNodeParameter('filters.flowVersion', index, '', { extractValue: true });
	const versionId = versionIdOf(value);
	if (versionId === undefined) {
		throw invalid.call(
			this,
			index,
			`Version must be a version ID, but is ${describeValue(value)}`,
			'Version IDs are numbers; leave it empty for the deployed version.',
		);
	}
	if (versionId !== null) return versionId;
	if (flowId === null) {
		throw invalid.call(
			this,
			index,
			'The Version filter needs a Flow',
			'Choose the Flow whose deployed version to filter on.',
		);
	}
	const flow = await coreGetResource.call(this, connection, {
		path: `/api/v1/flows/${flowId}`,
		query: [['include', 'deployedVersion']],
		what: `flow ${flowId}`,
		itemIndex: index,
	});
	const deployed = flow.deployed_version ?? flow.deployedVersion;
	const id = idValue((deployed as IDataObject | null | undefined)?.id);
	if (id === null) {
		throw invalid.call(
			this,
			index,
			`Flow ${flowId} has no deployed version`,
			'Choose a version by ID, or remove the Version filter.',
		);
	}
	return String(id);
}

function readTime(
	this: IExecuteFunctions,
	index: number,
	name: string,
	label: string,
	query: Query,
) {
	const value = (this.getNodeParameter('filters', index, {}) as IDataObject)[name];
	if (isBlank(value)) return;
	const ms = toEpochMs(value, this.getTimezone());
	if (ms === undefined) {
		throw invalid.call(
			this,
			index,
			`${label} is not a date and time: ${describeValue(value)}`,
			'Use a date such as 2025-06-30T14:00:00.',
		);
	}
	query.push([`filter[${name === 'startedAfter' ? 'started_after' : 'started_before'}]`, ms]);
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	return await eachItem.call(this, items, async (index, connection) => {
		const query: Query = [];
		const flowId = readFlowId.call(this, index);
		if (flowId !== null) query.push(['filter[flow_id]', flowId]);
		const filters = this.getNodeParameter('filters', index, {}) as IDataObject;
		const statuses = (filters.status ?? []) as string[];
		if (statuses.length > 0) {
			const codes = statuses.map((status) => STATUS_FILTER[status]?.code ?? status);
			query.push(['filter[status]', codes.join(',')]);
		}
		readTime.call(this, index, 'startedAfter', 'Started After', query);
		readTime.call(this, index, 'startedBefore', 'Started Before', query);
		const versionId = await readVersionId.call(this, index, connection, flowId);
		if (versionId !== undefined) query.push(['filter[flow_version_id]', versionId]);
		query.push(['sort', '-started_at']);
		const read: CoreRead = {
			path: '/api/v1/flow-runs',
			query,
			what: 'the flow runs',
			itemIndex: index,
		};
		const runs = await coreGetAll.call(this, connection, read, readLimit.call(this, index));
		return runs.map((run) => runOutput(run, connection.dashboardUrl));
	});
}
