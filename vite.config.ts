import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In development SvelteKit runs the server `init` hook on the first request. This asks for one
 * page as soon as the dev server listens, so the embedded database is opened, migrated and (on
 * the first start) seeded before anyone opens the browser, and start-up problems show at once.
 */
function openDatabaseAtStart(): Plugin {
	return {
		name: 'buurtkracht:open-database-at-start',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.once('listening', () => {
				const url = server.resolvedUrls?.local[0];
				if (!url || process.env.VITEST) return;
				setTimeout(() => {
					fetch(new URL('api/buurten.geojson', url))
						.then(() => server.config.logger.info(`  Buurtkracht is ready at ${url}`))
						.catch(() => {});
				}, 50);
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'cookie', 'baseLocale']
		}),
		sveltekit(),
		openDatabaseAtStart()
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					// Component tests need a DOM and Svelte's client build: the `components` project.
					exclude: ['src/lib/components/**/*.test.ts'],
					environment: 'node',
					// The property tests (500 random towns or tables) take 2–4 s alone and longer
					// while the db and components projects run beside them on two cores.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				// Svelte resolves to its server build under node; `browser` picks the client build, so
				// testing-library can mount components in jsdom.
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					include: ['src/lib/components/**/*.test.ts'],
					environment: 'jsdom'
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					// tests/db/embedded covers the PGlite data directory itself; the PostgreSQL tier
					// (TEST_DATABASE_URL) runs every other database test.
					exclude: process.env.TEST_DATABASE_URL ? ['tests/db/embedded/**'] : [],
					environment: 'node',
					globalSetup: ['tests/db/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
