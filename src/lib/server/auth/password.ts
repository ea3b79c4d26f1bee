import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane):
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 * The parameters are stored in the hash, so raising them later still verifies old hashes.
 */
const OPTIONS = {
	// Algorithm is a const enum, which isolatedModules cannot import as a value; 2 is Argon2id.
	algorithm: 2 as Algorithm.Argon2id,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
};

/** A PHC-format argon2id hash ($argon2id$v=19$m=19456,t=2,p=1$…) with a random salt. */
export function hashPassword(plain: string): Promise<string> {
	return hash(plain, OPTIONS);
}

/** True when `plain` matches `hash`; false for a wrong password or a hash that is not argon2. */
export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
	try {
		return await verify(hashed, plain);
	} catch {
		return false;
	}
}
