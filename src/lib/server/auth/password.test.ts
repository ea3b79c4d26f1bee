import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('hashPassword and verifyPassword', () => {
	it('hash with argon2id at the OWASP parameters and a fresh salt each time', async () => {
		const first = await hashPassword('correct horse battery staple');
		const second = await hashPassword('correct horse battery staple');
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(first).not.toBe(second);
	});

	it('accept the right password and refuse a wrong one', async () => {
		const hashed = await hashPassword('geheim-wachtwoord');
		expect(await verifyPassword(hashed, 'geheim-wachtwoord')).toBe(true);
		expect(await verifyPassword(hashed, 'Geheim-wachtwoord')).toBe(false);
		expect(await verifyPassword(hashed, '')).toBe(false);
	});

	it('refuse, without throwing, a hash that is not an argon2 hash', async () => {
		expect(await verifyPassword('', 'x')).toBe(false);
		expect(await verifyPassword('$2b$10$notargon', 'x')).toBe(false);
	});
});
