/**
 * Debian's Chromium for the browser tests (no browser can be downloaded here): where it is, how it is launched
 * headless on this closed network, and a printed reason when a suite is skipped because it is missing.
 */
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export function sayIfSkipped(what: string): void {
  if (!hasChromium) console.warn(`${what} skipped: no Chromium at ${CHROMIUM} (install the Debian package "chromium")`);
}
