// The HMI in a second engine: Firefox ESR (Debian's), driven over WebDriver BiDi by puppeteer-core.
// HmiFirefoxIT starts a controller with a device "belt-1" created over REST and calls:
//   node hmi-smoke.mjs <base url> <screenshot folder>
// Each step waits for what the page shows (no sleeps); any failure exits 1 with the step that failed.
import puppeteer from 'puppeteer-core';

const [base, screenshots] = process.argv.slice(2);
const firefox = process.env.GANTRY_FIREFOX || '/usr/bin/firefox-esr';
const timeout = 30_000;
let step = 'launch';

const byTestId = (id) => `[data-testid="${id}"]`;

const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, protocol: 'webDriverBiDi' });
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  await page.setViewport({ width: 1280, height: 800 }); // the panel size the HMI is laid out for
  console.log(`firefox: ${await browser.version()}`);

  step = 'the HMI started and its event stream is live';
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector(`${byTestId('stream-status')}[data-state="live"]`);

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
  console.log('ok');
} catch (e) {
  console.error(`FAILED at "${step}": ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
