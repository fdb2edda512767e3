// Live popups end to end in headless Chromium: the demo page with journeys.js against a running
// gateway. Run by tests/Journeys.EndToEnd.Tests (VisitorPopupBrowserTests), which starts the
// cluster and passes it in the environment; exits non-zero on the first failed check.
//   GATEWAY_URL, WRITE_KEY, ADMIN_KEY, SITE, SCREENSHOT_DIR, CHROMIUM (default /usr/bin/chromium)
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name, fallback) => process.env[name] ?? fallback ?? assert.fail(`${name} is not set`);
const gateway = env("GATEWAY_URL").replace(/\/$/, "");
const writeKey = env("WRITE_KEY");
const adminKey = env("ADMIN_KEY");
const site = env("SITE");
const screenshots = env("SCREENSHOT_DIR");
const run = Math.random().toString(36).slice(2, 8);
const trigger = `Route Planned ${run}`;
const waitLong = 30_000;
mkdirSync(screenshots, { recursive: true });

async function api(method, path, body) {
  const response = await fetch(gateway + path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

async function poll(what, probe) {
  const deadline = Date.now() + waitLong;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function publishPopupJourney() {
  const id = `popup-e2e-${run}`;
  await api("PUT", `/api/journeys/${id}/draft`, {
    id, version: 1, name: "Browser test popup",
    trigger: { type: "event", event: trigger, next: "offer" },
    entry: { mode: "always" },
    nodes: [
      {
        id: "offer", type: "popup", expiresAfter: "PT10M", next: "done",
        template: {
          subject: "A pass for your route",
          body: '<p>Hello <b>{{ profile.id }}</b>, save at every barrier.</p>'
            + '<script>window.hacked = "script"</script><img src="x" onerror="window.hacked = \'img\'">'
            + '<a href="javascript:window.hacked = \'link\'">bad link</a> '
            + '<a href="https://tolls.example.com/passes" onclick="window.hacked = \'handler\'">See passes</a>',
        },
      },
      { id: "done", type: "exit" },
    ],
  });
  await api("POST", `/api/journeys/${id}/publish`, { inFlight: "keep" });
  // Silos refresh their copy of the live journeys at most a second later.
  await new Promise((r) => setTimeout(r, 1500));
}

async function openDemo(context) {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${gateway}/demo/?writeKey=${encodeURIComponent(writeKey)}&site=${encodeURIComponent(site)}`);
  await page.waitForSelector("body[data-journeys]", { timeout: waitLong });
  assert.equal(await page.getAttribute("body", "data-journeys"), "connected", await page.textContent("#status"));
  return page;
}

const visitorOf = (page) => page.evaluate(() => Journeys.visitorId());

async function sendTrigger(page) {
  await page.fill("#event-name", trigger);
  await page.click("#custom button[type=submit]");
}

async function profile(id) {
  return api("GET", `/api/profiles/customer/${encodeURIComponent(id)}`);
}

const popupEntries = (p) => p.timeline.filter((t) => t.type === "showPopup");

const browser = await chromium.launch({
  executablePath: env("CHROMIUM", "/usr/bin/chromium"),
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  await publishPopupJourney();

  // 1. An open page: the journey fires and the popup appears while the page is open; another visitor sees nothing.
  const ann = await browser.newContext();
  const bob = await browser.newContext();
  const annPage = await openDemo(ann);
  const bobPage = await openDemo(bob);
  const annId = await visitorOf(annPage);
  const bobId = await visitorOf(bobPage);
  assert.notEqual(annId, bobId);
  const sentAt = Date.now();
  await sendTrigger(annPage);
  const dialog = await annPage.waitForSelector("[role=dialog][data-journeys-popup]", { timeout: waitLong });
  console.log(`popup on the open page ${Date.now() - sentAt} ms after the event was sent`);
  assert.equal(await dialog.getAttribute("aria-labelledby") !== null, true);
  assert.equal((await annPage.textContent("[role=dialog] h2")).trim(), "A pass for your route");
  assert.match(await annPage.textContent("[role=dialog] .journeys-popup-body"), new RegExp(`Hello ${annId}, save at every barrier`));
  assert.equal(await annPage.locator("[role=dialog] script, [role=dialog] img, [role=dialog] [onclick], [role=dialog] [onerror]").count(), 0);
  assert.deepEqual(await annPage.locator("[role=dialog] a[href]").evaluateAll((links) => links.map((a) => a.href)), ["https://tolls.example.com/passes"]);
  assert.equal(await annPage.evaluate(() => window.hacked ?? null), null);
  assert.equal(await annPage.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Close");
  await annPage.screenshot({ path: join(screenshots, "popup-on-open-page.png") });

  // The other visitor's page got nothing: popups reach connections in the same gateway round, so by now it would have.
  await bobPage.waitForTimeout(1000);
  assert.equal(await bobPage.locator("[role=dialog]").count(), 0, "another visitor's page received the popup");
  await bobPage.screenshot({ path: join(screenshots, "other-visitor-sees-nothing.png") });

  const shown = await poll("the popup delivered and shown", async () => {
    const p = await profile(annId);
    return popupEntries(p).some((t) => t.status === "delivered") && p.profile.recentEvents.some((e) => e.name === "Popup Shown") && p;
  });
  assert.equal(popupEntries(shown).length, 1);

  // Escape dismisses it and reports it.
  await annPage.keyboard.press("Escape");
  assert.equal(await annPage.locator("[role=dialog]").count(), 0);
  await poll("Popup Dismissed on the profile", async () => (await profile(annId)).profile.recentEvents.some((e) => e.name === "Popup Dismissed"));

  // A popup delivered to an open page is not delivered again at the next visit.
  await annPage.close();
  const annAgain = await openDemo(ann);
  await annAgain.waitForTimeout(1000);
  assert.equal(await annAgain.locator("[role=dialog]").count(), 0, "a delivered popup came back at the next visit");
  await annAgain.close();
  const annEvents = (await profile(annId)).profile.recentEvents.map((e) => e.name);
  assert.equal(annEvents.filter((n) => n === "Popup Shown").length, 1);
  assert.equal(annEvents.filter((n) => n === "Popup Dismissed").length, 1);

  // 2. Nobody connected: the popup waits, pending, and appears at the next visit.
  const carol = await browser.newContext();
  const carolFirst = await openDemo(carol);
  const carolId = await visitorOf(carolFirst);
  await carolFirst.evaluate(() => Journeys.close());
  await carolFirst.close();
  // The gateway forgets the connection when it handles the close, just after the client's stop returns.
  await new Promise((r) => setTimeout(r, 500));
  const track = await fetch(`${gateway}/v1/track`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Basic " + Buffer.from(`${writeKey}:`).toString("base64") },
    body: JSON.stringify({ messageId: `trigger-${run}-carol`, anonymousId: carolId, event: trigger, properties: {} }),
  });
  assert.ok(track.ok, `track answered ${track.status}`);
  await poll("Carol's popup pending", async () => popupEntries(await profile(carolId)).some((t) => t.status === "pending"));
  const carolNext = await openDemo(carol);
  await carolNext.waitForSelector("[role=dialog][data-journeys-popup]", { timeout: waitLong });
  assert.match(await carolNext.textContent("[role=dialog] .journeys-popup-body"), new RegExp(`Hello ${carolId}`));
  await carolNext.screenshot({ path: join(screenshots, "popup-at-next-visit.png") });
  await poll("Carol's popup delivered", async () => popupEntries(await profile(carolId)).every((t) => t.status === "delivered"));

  // 3. A forged token is refused before any connection exists.
  const forged = await carolNext.evaluate(async ({ gatewayUrl, siteName }) => {
    const token = `${siteName}.customer.${btoa("someone-else").replace(/=+$/, "")}.9999999999.${"A".repeat(43)}`;
    const negotiate = await fetch(`${gatewayUrl}/v1/visitors/negotiate?negotiateVersion=1&access_token=${encodeURIComponent(token)}`, { method: "POST" });
    let sdk = "connected";
    try {
      await Journeys.init({ writeKey: "unused", token, gatewayUrl });
    } catch (e) {
      sdk = String(e);
    }
    return { status: negotiate.status, sdk };
  }, { gatewayUrl: gateway, siteName: site });
  assert.equal(forged.status, 401);
  assert.match(forged.sdk, /401|failed|Error/i);
  console.log("all popup checks passed");
} finally {
  await browser.close();
}
