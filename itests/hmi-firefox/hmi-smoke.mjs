// The HMI in a second engine: Firefox ESR (Debian's), driven over WebDriver BiDi by puppeteer-core.
// HmiFirefoxIT starts a controller with a device "belt-1" created over REST and calls:
//   GANTRY_TOKEN=<the controller's initial admin token> node hmi-smoke.mjs <base url> <screenshot folder>
// (the token in the environment, not on the command line that every process can read). The script
// logs in through the login form, then drives the page. Each step waits for what the page shows (no
// sleeps); any failure exits 1 with the step that failed. Content-Security-Policy violations are
// collected in the page (securitypolicyviolation events, from a script the browser runs before the
// page's own) and fail the run.
import puppeteer from 'puppeteer-core';

const [base, screenshots] = process.argv.slice(2);
const token = process.env.GANTRY_TOKEN;
if (!token) throw new Error('GANTRY_TOKEN (the admin token to log in with) is not set');
const firefox = process.env.GANTRY_FIREFOX || '/usr/bin/firefox-esr';
const timeout = 30_000;
let step = 'launch';

const byTestId = (id) => `[data-testid="${id}"]`;

/** Fails on the violations this document saw (each document, e.g. after a reload, starts afresh). */
async function noCspViolation(page, where) {
  step = `no Content-Security-Policy violation ${where}`;
  const violations = await page.evaluate(() => window.__cspViolations);
  if (!Array.isArray(violations)) throw new Error('the violation listener did not run in the page');
  if (violations.length) throw new Error(violations.join('; '));
}

// The panel size the HMI is laid out for, given at launch: puppeteer's page.setViewport also sends
// emulation.setScreenOrientationOverride, which Firefox ESR 140.12 does not know ("unknown command").
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: firefox,
  headless: true,
  protocol: 'webDriverBiDi',
  defaultViewport: { width: 1280, height: 800 },
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  console.log(`firefox: ${await browser.version()}`);

  // runs in every document before the page's scripts: CSP refusals become visible to this script
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
    });
  });

  step = 'the login view shows, and logging in with the admin token starts the HMI and its event stream';
  await page.goto(`${base}/`);
  await page.waitForSelector(`${byTestId('view-login')}:not([hidden])`);
  await page.click(byTestId('login-mode-token'));
  await page.type(byTestId('login-token'), token);
  await page.click(byTestId('login-submit'));
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector(`${byTestId('stream-status')}[data-state="live"]`);
  await page.waitForSelector(`${byTestId('who-role')}[data-role="admin"]`);

  step = 'a device connected from the devices view';
  await page.click(byTestId('tab-devices'));
  // the list is redrawn on every device event: click the button of the row as it stands now
  const connect = `${byTestId('device-belt-1')}[data-status="DISCONNECTED"] ${byTestId('device-connect')}:not([disabled])`;
  await (await page.waitForSelector(connect)).click();
  await page.waitForSelector(`${byTestId('device-belt-1')}[data-status="CONNECTED"]`);
  await page.screenshot({ path: `${screenshots}/firefox-devices.png` });

  step = 'the plugins view lists the shipped plugins and their functions';
  await page.click(byTestId('tab-plugins'));
  await page.waitForSelector(byTestId('plugin-io.gantry.core.functions'));
  await page.waitForSelector(byTestId('function-core.add'));

  step = 'a file dropped into deploy/ that is not a plugin shows up without a reload';
  await page.evaluate(() => { window.__notReloaded = true; });
  console.log('ready-for-drop');
  await page.waitForSelector(byTestId('rejected-notes.txt'));
  if (!(await page.evaluate(() => window.__notReloaded === true))) throw new Error('the page reloaded');
  await page.screenshot({ path: `${screenshots}/firefox-plugins.png` });

  await noCspViolation(page, 'while logged in');

  step = 'logging out returns to the login view';
  await page.click(byTestId('logout'));
  await page.waitForSelector(`${byTestId('view-login')}:not([hidden])`);
  await page.waitForSelector(`${byTestId('nav')}[hidden]`);

  await noCspViolation(page, 'on the login view after the logout');
  console.log('ok');
} catch (e) {
  console.error(`FAILED at "${step}": ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
