import { randomBytes } from 'crypto';

import { message, ok, validationError } from './reply';
import type { Reply } from './types';

export type LoginField = 'email' | 'username';

// Which identifier each login path asks for, as the two documentation trees show them.
export const LOGIN_PATHS: ReadonlyMap<string, LoginField> = new Map([
	['/api/v1/login', 'email'],
	['/fabric/api/login', 'username'],
	['/fabric/api/v1/login', 'username'],
]);

function base64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export class Auth {
	private readonly expiries = new Map<string, number>();

	constructor(
		private readonly apiKeys: readonly string[],
		private readonly users: ReadonlyArray<{ email: string; password: string }>,
		private readonly ttlSeconds: number,
	) {}

	login(field: LoginField, input: Record<string, unknown> | undefined): Reply {
		const identifier = input?.[field];
		const password = input?.password;
		const errors: Record<string, string[]> = {};
		if (!filled(identifier)) errors[field] = [`The ${field} field is required.`];
		if (!filled(password)) errors.password = ['The password field is required.'];
		if (Object.keys(errors).length > 0) return validationError(errors);
		const user = this.users.find((u) => u.email === identifier && u.password === password);
		if (!user) return message(401, 'Invalid credentials.');
		const token = this.issue(user.email);
		return ok({
			message: 'You have successfully logged in.',
			token,
			expires_in: this.ttlSeconds,
		});
	}

	// A key goes raw and a login token goes after "Bearer"; either one in the other's place
	// is refused, as the documented security schemes describe.
	allows(header: string | undefined): boolean {
		if (header === undefined) return false;
		const bearer = /^Bearer\s+(\S+)$/i.exec(header);
		if (!bearer) return this.apiKeys.includes(header);
		const expiry = this.expiries.get(bearer[1]);
		return expiry !== undefined && Date.now() < expiry;
	}

	expireAll(): void {
		for (const token of this.expiries.keys()) this.expiries.set(token, 0);
	}

	// Shaped like the documented JWT ("eyJ0eXAiOiJKV..."); nothing here verifies the signature.
	private issue(subject: string): string {
		const now = Math.floor(Date.now() / 1000);
		const claims = { sub: subject, iat: now, exp: now + this.ttlSeconds };
		const jti = randomBytes(8).toString('hex');
		const token = [
			base64url({ typ: 'JWT', alg: 'HS256' }),
			base64url({ ...claims, jti }),
			randomBytes(32).toString('base64url'),
		].join('.');
		this.expiries.set(token, Date.now() + this.ttlSeconds * 1000);
		return token;
	}
}

function filled(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}
