import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiError } from '../../helpers/errors';
import { readResource } from '../../helpers/pagination';
import { retryAfterMs } from '../../helpers/retry';
import { isFinal, runOutput, runStatus } from '../../helpers/runs';
import type { Backoff } from '../../helpers/wait';
import { Cancelled, pause, POLL_BACKOFF, pollDelayMs } from '../../helpers/wait';
import type { CoreConnection, CoreRead } from '../../transport/core';
import { coreSend, explainOutcome } from '../../transport/core';

export interface WaitForRunOptions {
	/** How long to wait in all, from the call; the run goes on in Patchworks after it. */
	timeoutMs: number;
	itemIndex?: number;
	/** Checks after 1 s, 2 s, 4 s … up to every 30 s unless given. */
	backoff?: Backoff;
	/** API runs are queued and may not be visible at once: 404s are waited out this long. */
	notFoundGraceMs?: number;
	/** Failures worth another check (429, 5xx, no reply) in a row before giving up. */
	maxTransientFailures?: number;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The execution was cancelled while waiting. n8n records an execution whose error's name
 * holds "Cancelled" as cancelled, not failed, so this keeps its class name.
 */
export class WaitCancelledError extends NodeOperationError {
	constructor(node: INode, runId: string, itemIndex: number) {
		super(
			node,
			`The execution was cancelled while waiting for flow run ${runId}, which carries on in Patchworks`,
			{ itemIndex },
		);
	}
}

/**
 * Checks GET /flow-runs/{id} until the run reaches a final status (success, failure, stopped,
 * partial success) and returns it as Get outputs it. Fails when `timeoutMs` passes first, and
 * stops at once, throwing WaitCancelledError, when the execution is cancelled.
 */
export async function waitForRun(
	this: IExecuteFunctions,
	connection: CoreConnection,
	runId: string,
	options: WaitForRunOptions,
): Promise<IDataObject> {
	const itemIndex = options.itemIndex ?? 0;
	const backoff = options.backoff ?? POLL_BACKOFF;
	const grace = options.notFoundGraceMs ?? 60_000;
	const maxFailures = options.maxTransientFailures ?? 3;
	const signal = this.getExecutionCancelSignal?.();
	const read: CoreRead = {
		path: `/api/v1/flow-runs/${runId}`,
		what: `flow run ${runId}`,
		notFound: 'Run logs are kept for 7 days. Check the Flow Run ID.',
		itemIndex,
	};
	const cancelled = () => new WaitCancelledError(this.getNode(), runId, itemIndex);
	const began = Date.now();
	const deadline = began + options.timeoutMs;
	let lastSeen: IDataObject | undefined;
	let failures = 0;
	let delay = 0;
	for (let check = 0; ; check++) {
		await pause(Math.max(0, Math.min(delay, deadline - Date.now())), signal).catch((error) => {
			throw error instanceof Cancelled ? cancelled() : error;
		});
		const { url, outcome } = await coreSend.call(this, connection, read);
		if (signal?.aborted) throw cancelled();
		delay = pollDelayMs(check, backoff);
		const reply = 'reply' in outcome ? outcome.reply : undefined;
		const status = reply?.statusCode;
		if (reply !== undefined && reply.statusCode >= 200 && reply.statusCode < 300) {
			failures = 0;
			const resource = readResource(reply.body);
			if (resource !== undefined) {
				lastSeen = runOutput(resource, connection.dashboardUrl);
				if (isFinal(runStatus(resource.status))) return lastSeen;
			}
		} else {
			const waitingForQueue = status === 404 && Date.now() - began < grace;
			const transient = status === undefined || status === 429 || status >= 500;
			if (transient) failures++;
			if (!waitingForQueue && (!transient || failures >= maxFailures)) {
				const explained = explainOutcome(connection, read, url, outcome);
				throw apiError(this.getNode(), explained, {
					itemIndex,
					httpCode: status === undefined ? undefined : String(status),
				});
			}
			if (reply !== undefined && status === 429) {
				const header = reply.headers['retry-after'];
				delay = Math.max(
					delay,
					retryAfterMs(header === undefined ? undefined : String(header)) ?? 0,
				);
			}
		}
		if (Date.now() >= deadline) break;
	}
	const last =
		lastSeen === undefined
			? 'It was not visible yet'
			: `Its last status was ${String(lastSeen.status ?? lastSeen.rawStatus)}`;
	const link = lastSeen?.url ? `: ${String(lastSeen.url)}` : '';
	throw new NodeOperationError(
		this.getNode(),
		`Flow run ${runId} had not finished after ${seconds(options.timeoutMs)}`,
		{
			itemIndex,
			description: `${last}. The run carries on in Patchworks${link}. Raise the timeout to wait longer.`,
		},
	);
}
