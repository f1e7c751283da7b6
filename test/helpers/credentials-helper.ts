import { getAdditionalKeys } from 'n8n-core';
import {
	type ICredentialDataDecryptedObject,
	type ICredentialsExpressionResolveValues,
	type ICredentialType,
	ICredentialsHelper,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	NodeHelpers,
	type Workflow,
	type WorkflowExecuteMode,
	isExpression,
} from 'n8n-workflow';

import { type CredentialStore, StoredCredentials } from './credential-store';
import type { LoadedPackage } from './package-loader';

/**
 * The credential contract of n8n's CLI (packages/cli/src/credentials-helper.ts), over one
 * in-memory credential instead of the database: defaults from the type's properties,
 * the generic `authenticate`, and `preAuthentication` that stores a refreshed token so
 * later requests, nodes and executions see it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly pkg: LoadedPackage,
		private readonly store: CredentialStore | undefined,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents = this.getType(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.pkg.credentialTypes[credentialType];
		if (!type?.restrictToSupportedNodes) return true;
		return (this.pkg.supportedNodes[credentialType] ?? []).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type !== 'generic') return requestOptions as IHttpRequestOptions;
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');

		// Each section (headers, qs, body, auth) is merged key by key into the request,
		// keys and values both resolved as expressions over $credentials.
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				const resolve = (text: string) => resolveCredentialValue(text, credentials, workflow, node);
				target[section][resolve(key)] = resolve(value);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// Only an empty string counts as "no token yet": a field absent because of its
		// display conditions does not trigger a login until a request gets a 401.
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await this.callHook(
			type.preAuthentication,
			helpers,
			credentials,
			credentialsExpired,
		);
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[type.name];
		if (!nodeCredentials) return undefined;
		const stored = await (await this.getCredentials(nodeCredentials, type.name)).getData();
		const toStore = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			// A field the user wrote as an expression keeps its expression.
			if (key === expirable.name || !isExpression(stored[key])) toStore[key] = value;
		}
		await this.updateCredentials(nodeCredentials, type.name, toStore);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return await this.callHook(type.preAuthentication, helpers, credentials, false);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<StoredCredentials> {
		const { store } = this;
		if (!store || nodeCredentials.id !== store.id || type !== store.type) {
			throw new Error(`No credential with id "${nodeCredentials.id}" of type "${type}"`);
		}
		return new StoredCredentials(store);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		resolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return stored;

		// Defaults fill unset fields; fields hidden by their display conditions are dropped.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (!resolveValues) return withDefaults;

		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
			resolveValues;
		return workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			runExecutionData,
			runIndex,
			itemIndex,
			node.name,
			connectionInputData,
			mode,
			getAdditionalKeys(additionalData, mode, null, { isCredential: true }),
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await (await this.getCredentials(nodeCredentials, type)).setData(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getType(type);
		if (!credentialType.extends) return credentialType.properties;
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		// The type's own properties win over its parents'.
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	private getType(name: string): ICredentialType {
		const type = this.pkg.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	private async callHook(
		hook: NonNullable<ICredentialType['preAuthentication']>,
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		this.store?.preAuthentications.push({ credentialsExpired });
		// Like the CLI, the hook sees only `helpers.httpRequest`, not the node's whole helper set.
		const narrowed: IHttpRequestHelper = {
			helpers: { httpRequest: async (options) => await helpers.helpers.httpRequest(options) },
		};
		// The hook is typed to return IDataObject; whatever it returns is credential data.
		return (await hook.call(narrowed, credentials)) as ICredentialDataDecryptedObject;
	}
}

function resolveCredentialValue(
	value: string,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? String(resolved) : '';
}
