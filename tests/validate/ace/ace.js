// Runs DAISY Ace over EPUBs with one headless Chromium for them all.
// Usage: node ace.js CHROMIUM OUTDIR BOOK.epub...
// Writes OUTDIR/<book name>/report.json (and Ace's HTML report) for every book; exits
// non-zero when Ace could not check one. Judging the reports is the caller's part.
'use strict';

const path = require('path');

const [chromium, outdir, ...books] = process.argv.slice(2);
// Read by puppeteer when it is loaded: the browser is the system's, never a download.
process.env.PUPPETEER_EXECUTABLE_PATH = chromium;

// Containers often give /dev/shm a few megabytes, too few for Chromium's shared memory:
// the runner's own launch options gain --disable-dev-shm-usage (it uses /tmp instead).
const puppeteer = require(
  require.resolve('puppeteer', { paths: [require.resolve('@daisy/ace-axe-runner-puppeteer')] }));
const launchPuppeteer = puppeteer.launch.bind(puppeteer);
puppeteer.launch = (options = {}) =>
  launchPuppeteer({ ...options, args: [...(options.args || []), '--disable-dev-shm-usage'] });

const ace = require('@daisy/ace-core');
const runner = require('@daisy/ace-axe-runner-puppeteer');
// Ace logs through winston's default logger; with no transport winston complains on
// every message, so give it a silent one.
const winston = require(require.resolve('winston', { paths: [require.resolve('@daisy/ace-core')] }));
winston.add(new winston.transports.Console({ silent: true }));

// Ace launches and closes its runner for every book; this one keeps a single browser
// (launched with the runner's own options, --no-sandbox among them) across all books.
// Two pages at a time: the suite runs on two cores.
let launched = false;
const sharedBrowser = {
  concurrency: 2,
  setTimeout: (ms) => runner.setTimeout(ms),
  launch: async () => {
    if (!launched) await runner.launch();
    launched = true;
  },
  close: async () => {},
  run: (...args) => runner.run(...args),
};

async function main() {
  for (const book of books) {
    const report = path.join(outdir, path.basename(book, '.epub'));
    try {
      await ace(book, { cwd: process.cwd(), outdir: report, silent: true }, sharedBrowser);
    } catch (err) {
      // Ace rejects with an empty job id when it cannot open the book.
      throw new Error(`${book}: ${(err && err.message) || 'Ace could not check it'}`);
    }
  }
}

main()
  .catch((err) => {
    console.error(`ace: ${err && err.stack ? err.stack : err}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (launched) await runner.close();
  });
