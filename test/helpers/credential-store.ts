import {
	type ICredentialDataDecryptedObject,
	ICredentials,
	type ICredentialsEncrypted,
} from 'n8n-workflow';

export const CREDENTIAL_ID = '1';
export const CREDENTIAL_NAME = 'Test credential';

/**
 * The one saved credential of a test run: what n8n keeps (encrypted) in its database.
 * Pass the same store to several runs to model a token that survives between executions.
 */
export class CredentialStore {
	readonly id = CREDENTIAL_ID;

	readonly name = CREDENTIAL_NAME;

	/** Every write by the credentials helper (a preAuthentication result), oldest first. */
	readonly updates: ICredentialDataDecryptedObject[] = [];

	/** Every call into the credential type's own preAuthentication, oldest first. */
	readonly preAuthentications: Array<{ credentialsExpired: boolean }> = [];

	private stored: ICredentialDataDecryptedObject;

	constructor(
		readonly type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.stored = structuredClone(data);
	}

	/** The saved data as the user entered it plus any stored tokens, without defaults. */
	get data(): ICredentialDataDecryptedObject {
		return structuredClone(this.stored);
	}

	write(data: ICredentialDataDecryptedObject): void {
		this.stored = structuredClone(data);
		this.updates.push(this.data);
	}
}

/** The `ICredentials` view of the store that n8n's helper API hands out. */
export class StoredCredentials extends ICredentials {
	constructor(private readonly store: CredentialStore) {
		super({ id: store.id, name: store.name }, store.type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return this.store.data;
	}

	getDataToSave(): ICredentialsEncrypted {
		// Kept in plain JSON: nothing in a test needs the encrypted form.
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.store.data) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.write(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...this.store.data, ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		this.store.write(data);
	}
}
