import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError } from '../../helpers/errors';
import { inPool } from '../../helpers/pool';
import { getCoreConnection } from '../../transport/core';
import { WaitCancelledError, waitForRun } from '../flowRun';
import type { RunResult } from './start.send';
import { withStartedRuns } from './start.send';

const FINAL_FIELDS = [
	'status',
	'rawStatus',
	'startedAt',
	'finishedAt',
	'durationMs',
	'duration',
	'hasWarnings',
	'summary',
	'url',
];

export interface WaitSettings {
	/** For all runs of this execution together. */
	timeoutMs: number;
	unsuccessful: 'fail' | 'output';
	concurrency: number;
}

/** Waits for every started run to finish and adds its final status and times to its output. */
export async function waitForAll(
	this: IExecuteFunctions,
	results: RunResult[],
	settings: WaitSettings,
): Promise<void> {
	const core = await getCoreConnection.call(this);
	const deadline = Date.now() + settings.timeoutMs;
	let firstError: NodeApiError | NodeOperationError | undefined;
	let cancelled: WaitCancelledError | undefined;
	const wait = async (slot: RunResult) => {
		const json = slot.json as IDataObject;
		const itemIndex = slot.run.entries[0].index;
		try {
			const final = await waitForRun.call(this, core, String(json.flowRunId), {
				timeoutMs: Math.max(0, deadline - Date.now()),
				itemIndex,
			});
			for (const field of FINAL_FIELDS) json[field] = final[field] ?? null;
			if (final.status !== 'success' && settings.unsuccessful === 'fail') {
				throw apiError(
					this.getNode(),
					{
						message: `Flow run ${String(json.flowRunId)} ended with status ${String(final.status)}`,
						description: `Its run logs tell why${final.url ? `: ${String(final.url)}` : ''}. Set Unsuccessful Runs to Output Them to branch on the status instead.`,
					},
					{ itemIndex },
				);
			}
		} catch (error) {
			// Cancelling stops the node even with Continue On Fail, as n8n's own nodes do.
			if (error instanceof WaitCancelledError) cancelled ??= error;
			slot.error = error as NodeApiError | NodeOperationError;
			if (!this.continueOnFail()) firstError ??= slot.error;
		}
	};
	const started = results.filter((slot) => slot.json !== undefined);
	const stop = () => firstError !== undefined || cancelled !== undefined;
	await inPool(started, settings.concurrency, wait, stop);
	if (cancelled !== undefined) throw cancelled;
	if (firstError !== undefined) throw withStartedRuns(firstError, started);
}
