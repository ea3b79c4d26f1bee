import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Chromium: CHROMIUM_PATH, else the system's (Debian's /usr/bin/chromium), else Playwright's own
 * browser (which `npx playwright install chromium` fetches where the network allows).
 */
function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path): path is string => !!path && existsSync(path));
}

const PORT = Number(process.env.E2E_PORT ?? 4173);
// A fresh embedded database per run: the first start migrates and seeds the demo city.
const DATA_DIR =
	process.env.E2E_DATA_DIR ?? join(mkdtempSync(join(tmpdir(), 'buurtkracht-e2e-')), 'data');

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath(),
					// WebGL through SwiftShader in headless Chromium; no background traffic on a closed network.
					args: [
						'--no-sandbox',
						'--use-angle=swiftshader',
						'--enable-unsafe-swiftshader',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic'
					]
				}
			}
		}
	],
	webServer: {
		command: 'npm run build && node build',
		url: `http://127.0.0.1:${PORT}/api/buurten.geojson`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, ORIGIN: `http://127.0.0.1:${PORT}` }
	}
});
