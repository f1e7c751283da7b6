import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	apiError,
	describeTarget,
	explainFailure,
	explainNetworkError,
} from '../../helpers/errors';
import { runKey, startedRuns } from '../../helpers/ledger';
import { Pacer } from '../../helpers/pacing';
import { inPool } from '../../helpers/pool';
import { parseStartReply } from '../../helpers/response';
import { retryDelayMs } from '../../helpers/retry';
import { pause as waitCancellably } from '../../helpers/wait';
import type { PlannedRun } from '../../helpers/split';
import { bodyOf, payloadBytesOf } from '../../helpers/split';
import type { Connection, Outcome } from '../../transport';
import { getConnection, patchworksRequest } from '../../transport';

export interface SendOptions {
	timeout: number;
	maxRetries: number;
	intervalMs: number;
	concurrency: number;
	/** Query parameters of every start request: virtual environment, flow variables. */
	query: Array<[string, string]>;
}

interface SendSettings extends SendOptions {
	connection: Connection;
	pacer: Pacer;
	ledger: Record<string, IDataObject>;
}

export interface RunResult {
	run: PlannedRun;
	json?: IDataObject;
	error?: NodeError;
}

type NodeError = NodeApiError | NodeOperationError;

/** The shared cancellable wait, its cancellation told in n8n's terms. */
async function pause(this: IExecuteFunctions, ms: number): Promise<void> {
	await waitCancellably(Math.max(0, ms), this.getExecutionCancelSignal?.()).catch(() => {
		throw new NodeOperationError(this.getNode(), 'The execution was cancelled');
	});
}

function urlOf(settings: SendSettings, run: PlannedRun): string {
	const { flowId, version } = run.target;
	const raw = run.format === 'raw' ? '/raw' : '';
	const path = `/api/v1/flows/${flowId}/manual${raw}${version === null ? '' : `/${version}`}`;
	const query = new URLSearchParams(settings.query).toString();
	return `${settings.connection.startUrl}${path}${query === '' ? '' : `?${query}`}`;
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
async function startRun(
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
			url: urlOf(settings, run),
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

/**
 * Starts every planned run, a few at a time. Without Continue On Fail the first failure stops
 * further starts; its message then lists the runs already started, so none is lost from view.
 */
export async function startAll(
	this: IExecuteFunctions,
	runs: PlannedRun[],
	options: SendOptions,
): Promise<RunResult[]> {
	const settings: SendSettings = {
		...options,
		connection: await getConnection.call(this),
		pacer: new Pacer(options.intervalMs),
		ledger: startedRuns(this.getContext('node')),
	};
	const results: RunResult[] = runs.map((run) => ({ run }));
	let firstError: NodeError | undefined;
	const attempt = async (slot: RunResult) => {
		try {
			slot.json = await startRun.call(this, slot.run, settings);
		} catch (error) {
			slot.error = error as NodeError;
			if (!this.continueOnFail()) firstError ??= slot.error;
		}
	};
	await inPool(results, options.concurrency, attempt, () => firstError !== undefined);
	if (firstError !== undefined) throw withStartedRuns(firstError, results);
	return results;
}

export function withStartedRuns(error: NodeError, results: RunResult[]): NodeError {
	const started = results.filter((r) => r.json !== undefined);
	if (started.length > 0 && error instanceof NodeApiError) {
		const list = started.map((r) => `flow ${r.run.target.flowId} run ${String(r.json?.flowRunId)}`);
		error.description = `${error.description ?? ''}\nAlready started in this execution: ${list.join(', ')}.`;
	}
	return error;
}
