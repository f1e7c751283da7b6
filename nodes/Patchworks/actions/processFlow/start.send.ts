import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	apiError,
	describeTarget,
	explainFailure,
	explainNetworkError,
} from '../../helpers/errors';
import { runKey } from '../../helpers/ledger';
import type { Pacer } from '../../helpers/pacing';
import { parseStartReply } from '../../helpers/response';
import { retryDelayMs } from '../../helpers/retry';
import type { PlannedRun } from '../../helpers/split';
import { bodyOf, payloadBytesOf } from '../../helpers/split';
import type { Connection, Outcome } from '../../transport';
import { patchworksRequest } from '../../transport';

export interface SendSettings {
	connection: Connection;
	timeout: number;
	maxRetries: number;
	pacer: Pacer;
	ledger: Record<string, IDataObject>;
}

async function pause(this: IExecuteFunctions, ms: number): Promise<void> {
	const signal = this.getExecutionCancelSignal?.();
	// n8n 1.x's sleep ignores the signal; the check after it still stops the node.
	if (ms > 0) await sleep(ms, signal);
	if (signal?.aborted) throw new NodeOperationError(this.getNode(), 'The execution was cancelled');
}

function urlOf(connection: Connection, run: PlannedRun): string {
	const { flowId, version } = run.target;
	return `${connection.startUrl}/api/v1/flows/${flowId}/manual${version === null ? '' : `/${version}`}`;
}

function outcomeToJson(
	this: IExecuteFunctions,
	outcome: Outcome,
	run: PlannedRun,
	settings: SendSettings,
	attempts: number,
): IDataObject {
	const itemIndex = run.entries[0].index;
	const tried = attempts > 1 ? `\nSent ${attempts} times; Patchworks refused each.` : '';
	if ('failure' in outcome) {
		const { failure } = outcome;
		const explained = failure.message.startsWith('Login to Patchworks failed')
			? { message: failure.message, description: 'Nothing was sent to the flow.' }
			: explainNetworkError(failure, settings.connection.startUrl, settings.timeout);
		explained.description += tried;
		throw apiError(this.getNode(), explained, { itemIndex });
	}
	const { reply } = outcome;
	if (reply.statusCode < 200 || reply.statusCode >= 300) {
		const retryAfter = reply.headers['retry-after'];
		const failure = {
			...reply,
			retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		};
		const explained = explainFailure(failure, run.target, settings.connection.auth);
		explained.description += tried;
		throw apiError(this.getNode(), explained, { httpCode: String(reply.statusCode), itemIndex });
	}
	const parsed = parseStartReply(reply.body);
	if ('problem' in parsed) {
		throw apiError(
			this.getNode(),
			{
				message: `Patchworks replied to ${describeTarget(run.target)} with no flow run id`,
				description: `${parsed.problem}\nThe run may have started: check the flow’s run logs in Patchworks.`,
			},
			{ httpCode: String(reply.statusCode), itemIndex },
		);
	}
	return {
		flowRunId: parsed.flowRunId,
		flowId: Number(run.target.flowId),
		flowVersion: run.target.version === null ? null : Number(run.target.version),
		itemCount: run.entries.length,
		payloadBytes: payloadBytesOf(run),
		part: run.part,
		partCount: run.partCount,
		message: parsed.message,
	};
}

/**
 * Starts one run: paced, retried only where Patchworks cannot have started it, and never
 * started again if an earlier attempt of this node in this execution already did.
 */
export async function startRun(
	this: IExecuteFunctions,
	run: PlannedRun,
	settings: SendSettings,
): Promise<IDataObject> {
	const body = bodyOf(run);
	const key = runKey(run, body);
	const known = settings.ledger[key];
	if (known !== undefined) return { ...known, startedEarlier: true };
	const bytes = Buffer.from(body, 'utf8');
	for (let attempt = 0; ; attempt++) {
		await settings.pacer.acquire(async (ms) => await pause.call(this, ms));
		const outcome = await patchworksRequest.call(this, settings.connection, {
			method: 'POST',
			url: urlOf(settings.connection, run),
			body: bytes,
			timeout: settings.timeout,
		});
		const delay = retryDelayMs(outcome, attempt, settings.maxRetries);
		if (delay === undefined) {
			const json = outcomeToJson.call(this, outcome, run, settings, attempt + 1);
			settings.ledger[key] = json;
			return json;
		}
		await pause.call(this, delay);
	}
}
