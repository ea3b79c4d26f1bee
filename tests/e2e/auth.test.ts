import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/generate-people';

const AREAS = [
	{ path: '/wijkteam', heading: 'Wijkteam' },
	{ path: '/gemeente', heading: 'Gemeente' },
	{ path: '/beheer', heading: 'Beheer' }
] as const;

/** Which areas each demo role may enter; every other area must answer 404. */
const ALLOWED: Record<string, string[]> = {
	resident: [],
	wijkteam: ['/wijkteam'],
	council: ['/gemeente'],
	admin: ['/beheer']
};

const SIGN_IN_FAILED = 'Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw.';
const SIGN_UP_DONE =
	'Bedankt. Uw aanmelding is verwerkt. U kunt nu inloggen met uw e-mailadres en wachtwoord.';

async function noScript(browser: Browser) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	if (!page.url().includes('/inloggen')) await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

const uniqueEmail = (name: string) =>
	`${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.nl`;

test('sign up, sign in and sign out without JavaScript', async ({ browser }) => {
	const { context, page } = await noScript(browser);
	const email = uniqueEmail('nieuw');
	const password = 'een zin als wachtwoord';

	// Mistakes are listed above the form, each linked to its field, and the fields say so.
	await page.goto('/registreren');
	await page.getByLabel('E-mailadres').fill('geen-adres');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
	await page.getByLabel('Herhaal het wachtwoord').fill('anders');
	await page.getByRole('button', { name: 'Account maken' }).click();
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('link', { name: /zoals naam@voorbeeld\.nl/ })).toHaveAttribute(
		'href',
		'#email'
	);
	await expect(summary.getByRole('link', { name: /minstens 12 tekens/ })).toHaveAttribute(
		'href',
		'#password'
	);
	await expect(summary.getByRole('link', { name: /niet hetzelfde/ })).toHaveAttribute(
		'href',
		'#password_repeat'
	);
	await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('geen-adres');

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByLabel('Herhaal het wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('status')).toHaveText(SIGN_UP_DONE);

	await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).click();
	await signIn(page, email, password);
	await expect(page).toHaveURL(/\/$/);
	const header = page.getByRole('navigation', { name: 'Account' });
	await expect(header.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
	await expect(header.getByRole('link', { name: 'Mijn account' })).toBeVisible();

	const [session] = (await context.cookies()).filter((c) => c.name === 'buurtkracht_session');
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

	await page.goto('/account');
	await expect(page.getByText(email)).toBeVisible();
	await expect(page.getByText('Bewoner')).toBeVisible();

	await header.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/inloggen\?uitgelogd/);
	await expect(page.getByRole('status')).toHaveText('U bent uitgelogd.');
	await expect(header.getByRole('link', { name: 'Inloggen' })).toBeVisible();
	expect((await context.cookies()).some((c) => c.name === 'buurtkracht_session')).toBe(false);
	await context.close();
});

test('a wrong password and an unknown address get the same message', async ({ browser }) => {
	const { context, page } = await noScript(browser);
	await signIn(page, DEMO_ACCOUNTS[0].email, 'niet-het-wachtwoord');
	await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED);
	const wrongPassword = await page.getByRole('alert').innerText();
	await signIn(page, uniqueEmail('onbekend'), DEMO_PASSWORD);
	await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED);
	expect(await page.getByRole('alert').innerText()).toBe(wrongPassword);
	await context.close();
});

test('signing up with an address that has an account looks the same as a new one', async ({
	browser
}) => {
	const { context, page } = await noScript(browser);
	await page.goto('/registreren');
	await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS[0].email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een ander lang wachtwoord');
	await page.getByLabel('Herhaal het wachtwoord').fill('een ander lang wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('status')).toHaveText(SIGN_UP_DONE);
	// And the demo password still works: nothing about the account changed.
	await page.goto('/inloggen');
	await signIn(page, DEMO_ACCOUNTS[0].email);
	await expect(page).toHaveURL(/\/$/);
	await context.close();
});

test('the reset request says the same for a known and an unknown address', async ({ browser }) => {
	const { context, page } = await noScript(browser);
	const texts: string[] = [];
	for (const email of [DEMO_ACCOUNTS[1].email, uniqueEmail('onbekend')]) {
		await page.goto('/wachtwoord-vergeten');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();
		texts.push(await page.getByRole('status').innerText());
	}
	expect(texts[0]).toContain('Als wij dit e-mailadres kennen');
	expect(texts[1]).toBe(texts[0]);
	await page.goto('/wachtwoord-herstellen?token=verzonnen');
	await expect(page.getByText('Deze link werkt niet meer.')).toBeVisible();
	await context.close();
});

test('signed out, every area sends you to the sign-in page and back again', async ({ page }) => {
	for (const { path } of AREAS) {
		await page.goto(path);
		await expect(page).toHaveURL(`/inloggen?terug=${encodeURIComponent(path)}`);
	}
	await page.goto('/en/beheer');
	await expect(page).toHaveURL('/en/inloggen?terug=%2Fen%2Fbeheer');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
	await page.getByLabel('Email address').fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/en/beheer');
	await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
});

for (const account of DEMO_ACCOUNTS.filter(
	(a, i, all) => all.findIndex((b) => b.role === a.role) === i
)) {
	test(`the demo ${account.role} sees exactly their own areas (404 elsewhere), in both languages`, async ({
		browser
	}) => {
		const { context, page } = await noScript(browser);
		await signIn(page, account.email);
		await expect(page).toHaveURL(/\/$/);
		const nav = page.getByRole('navigation', { name: 'Account' });
		for (const { path, heading } of AREAS) {
			const allowed = ALLOWED[account.role].includes(path);
			await expect(nav.getByRole('link', { name: heading, exact: true })).toHaveCount(
				allowed ? 1 : 0
			);
		}
		for (const [prefix, notFound] of [
			['', 'Deze pagina bestaat niet.'],
			['/en', 'This page does not exist.']
		]) {
			for (const { path } of AREAS) {
				const allowed = ALLOWED[account.role].includes(path);
				const response = await page.goto(prefix + path);
				expect(response?.status(), `${account.role} ${prefix}${path}`).toBe(allowed ? 200 : 404);
				if (!allowed) await expect(page.getByText(notFound)).toBeVisible();
			}
		}
		await page.goto('/'); // back to Dutch for the checks below
		if (account.role !== 'admin') {
			// Form actions are guarded too, not only the pages: a crafted POST gets the same 404.
			const origin = new URL(page.url()).origin;
			for (const action of ['/beheer/gebruikers?/role', '/beheer/teams?/create']) {
				const response = await page.request.post(action, {
					headers: { origin },
					form: { user_id: '00000000-0000-4000-8000-000000000001', role: 'admin', name: 'X' }
				});
				expect(response.status(), `${account.role} POST ${action}`).toBe(404);
			}
		}
		if (account.role === 'wijkteam') {
			await page.goto('/wijkteam');
			await expect(page.getByRole('heading', { level: 2, name: /^Wijkteam / })).toBeVisible();
			const table = page.getByRole('table').first();
			await expect(table.getByRole('columnheader', { name: 'Meldingen' })).toBeVisible();
			expect(await table.getByRole('row').count()).toBeGreaterThan(2);
		}
		if (account.role === 'council') {
			await page.goto('/gemeente');
			await expect(page.getByRole('rowheader', { name: 'Concept' })).toBeVisible();
		}
		if (account.role === 'admin') {
			// Read with an admin's claims (RLS shows drafts): never for a shared cache.
			const aanbod = await page.request.get('/api/aanbod.geojson');
			expect(aanbod.headers()['cache-control']).toBe('private, no-cache');
			await page.goto('/beheer');
			await expect(page.getByRole('link', { name: 'Gebruikers en rollen' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Wijkteams, leden en buurten' })).toBeVisible();
		}
		await context.close();
	});
}

test('a tampered or truncated session cookie counts as signed out, with a clear message', async ({
	browser
}) => {
	const { context, page } = await noScript(browser);
	const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
	await signIn(page, admin.email);
	const [session] = (await context.cookies()).filter((c) => c.name === 'buurtkracht_session');
	const [header, payload, signature] = session.value.split('.');
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
	const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 * 365 })).toString('base64url')}.${signature}`;

	for (const value of [forged, session.value.slice(0, -10), 'onzin']) {
		await context.addCookies([{ ...session, value }]);
		await page.goto('/beheer');
		await expect(page).toHaveURL('/inloggen?terug=%2Fbeheer&sessie=ongeldig');
		await expect(page.getByRole('status')).toHaveText(
			'U bent uitgelogd, omdat uw sessie niet meer geldig is. Log opnieuw in.'
		);
		expect((await context.cookies()).some((c) => c.name === 'buurtkracht_session')).toBe(false);
	}
	await context.close();
});

test('an admin manages roles, teams, members and buurten without JavaScript', async ({
	browser
}) => {
	// A fresh account to work on.
	const { context, page } = await noScript(browser);
	const email = uniqueEmail('medewerker');
	await page.goto('/registreren');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('medewerker wachtwoord');
	await page.getByLabel('Herhaal het wachtwoord').fill('medewerker wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();

	const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
	await signIn(page, admin.email);
	await page.goto('/beheer/gebruikers');
	// No role form on the admin's own row: they cannot take away their own admin role.
	await expect(page.getByLabel(`Nieuwe rol voor ${admin.email}`)).toHaveCount(0);
	await page.getByLabel(`Nieuwe rol voor ${email}`).selectOption('council');
	await page.getByRole('button', { name: `Opslaan rol van ${email}` }).click();
	await expect(page.getByRole('status')).toHaveText(
		`De rol van ${email} is nu: Medewerker gemeente.`
	);
	await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText(
		'Medewerker gemeente'
	);

	const teamName = `Testteam ${Date.now()}`;
	await page.goto('/beheer/teams');
	await page.getByLabel('Naam van het wijkteam').fill(teamName);
	await page.getByRole('button', { name: 'Wijkteam maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Wijkteam ${teamName}` })).toBeVisible();

	await page.getByLabel('Naam van het wijkteam').fill(`${teamName} B`);
	await page.getByRole('button', { name: 'Naam opslaan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Wijkteam ${teamName} B` })
	).toBeVisible();

	await page.getByLabel('E-mailadres van het nieuwe lid').fill('niemand@example.nl');
	await page.getByRole('button', { name: 'Lid toevoegen' }).click();
	await expect(page.getByRole('alert')).toContainText('Er is geen account met dit e-mailadres');
	await page.getByLabel('E-mailadres van het nieuwe lid').fill(email);
	await page.getByRole('button', { name: 'Lid toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText(`${email} is toegevoegd.`);

	const buurt = (
		await page.getByLabel('Buurt', { exact: true }).locator('option').first().innerText()
	).replace(/ \(.*\)$/, '');
	await page.getByRole('button', { name: 'Buurt toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText('De buurt is toegevoegd.');
	await expect(page.getByRole('table', { name: /Buurten waar/ })).toContainText(buurt);

	// The new member now reaches the wijkteam area (membership), and sees that buurt.
	const member = await noScript(browser);
	await signIn(member.page, email, 'medewerker wachtwoord');
	await member.page.goto('/wijkteam');
	await expect(member.page.getByRole('heading', { level: 2, name: `${teamName} B` })).toBeVisible();
	await expect(member.page.getByRole('rowheader', { name: buurt })).toBeVisible();
	await member.context.close();

	await page.getByRole('button', { name: `Weghalen ${buurt} uit het werkgebied` }).click();
	await expect(page.getByRole('status')).toHaveText('De buurt is weggehaald.');
	await page.getByRole('button', { name: `Verwijderen ${email} uit het team` }).click();
	await expect(page.getByRole('status')).toHaveText('Het lid is uit het team gehaald.');
	await context.close();
});

test('axe finds no WCAG 2.1 AA violations on the sign-in, sign-up and admin pages', async ({
	page
}) => {
	const check = async (label: string) => {
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.length}`),
			label
		).toEqual([]);
	};
	await page.goto('/inloggen');
	await check('sign-in');
	await page.getByRole('button', { name: 'Inloggen' }).click(); // empty: the error summary
	await expect(page.getByRole('alert')).toBeVisible();
	await check('sign-in with errors');
	await page.goto('/registreren');
	await check('sign-up');
	await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email);
	for (const path of ['/beheer', '/beheer/gebruikers', '/beheer/teams']) {
		await page.goto(path);
		await check(path);
	}
	await page.getByRole('table').getByRole('link').first().click();
	await check('team page');
});
