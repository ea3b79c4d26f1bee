// npm run make-admin -- <email>
// Makes an existing account an administrator: the way to the first admin. The account must exist
// (sign up first). Embedded database: stop the app first — one process at a time may open DATA_DIR.
// Supabase: DATABASE_URL must be the project's connection string (the postgres role).
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { promoteToAdmin } from '../src/lib/server/auth/first-admin';
import { describeStartupError } from '../src/lib/server/startup';

const email = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (!email || !email.includes('@')) {
	console.error(
		'Usage: npm run make-admin -- <email>   (the e-mail address of an existing account)'
	);
	process.exit(2);
}

try {
	const db = await openDatabase(readConfig());
	try {
		const result = await promoteToAdmin(db, email);
		if (!result.ok) {
			console.error(
				`No account with the address ${email}. Sign up first (at /registreren), then run this again.`
			);
			process.exitCode = 1;
		} else if (result.previousRole === 'admin') {
			console.log(`${email} is already an administrator.`);
		} else {
			console.log(
				`${email} is now an administrator (was: ${result.previousRole}). The change counts from the next page they open.`
			);
		}
	} finally {
		await db.close();
	}
} catch (error) {
	console.error(
		describeStartupError(error) ?? (error instanceof Error ? error.message : String(error))
	);
	process.exit(1);
}
