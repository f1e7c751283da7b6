import { PatchworksApi } from '../../credentials/PatchworksApi.credentials';

const credential = new PatchworksApi();

describe('PatchworksApi credential', () => {
	it('is named as the node asks for it', () => {
		expect(credential.name).toBe('patchworksApi');
		expect(credential.documentationUrl).toMatch(/^https:\/\/doc\.wearepatchworks\.com\//);
	});

	it('makes every secret a password field', () => {
		const secrets = ['apiKey', 'accessToken', 'password', 'sessionToken'];
		for (const name of secrets) {
			const property = credential.properties.find((p) => p.name === name);
			expect(property?.typeOptions?.password).toBe(true);
		}
	});

	it('keeps the login token in one hidden, expirable field', () => {
		const expirable = credential.properties.filter((p) => p.typeOptions?.expirable === true);
		expect(expirable.map((p) => [p.name, p.type])).toEqual([['sessionToken', 'hidden']]);
	});

	it('offers the three ways to authenticate and the two environments', () => {
		const values = (name: string) =>
			(credential.properties.find((p) => p.name === name)?.options ?? []).map((o) =>
				'value' in o ? o.value : undefined,
			);
		expect(values('authentication')).toEqual(['apiKey', 'accessToken', 'emailPassword']);
		expect(values('environment')).toEqual(['production', 'custom']);
	});

	it('tests against an authenticated Core API endpoint', () => {
		expect(credential.test.request).toMatchObject({ url: '/api/v1/flows', qs: { per_page: 1 } });
	});
});
