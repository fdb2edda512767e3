// The demo toll-road site. Query parameters override the embedded defaults, so the same page
// works against any gateway: ?writeKey=...&site=...
(async () => {
  const query = new URLSearchParams(location.search);
  const status = document.getElementById("status");
  try {
    await Journeys.init({
      writeKey: query.get("writeKey") || "embedded-demo-key",
      site: query.get("site") || "demo",
    });
    await Journeys.page();
    status.textContent = "connected";
    document.body.dataset.journeys = "connected";
    document.getElementById("visitor").textContent = "You are visitor " + Journeys.visitorId();
  } catch (e) {
    status.textContent = "not connected: " + e.message;
    document.body.dataset.journeys = "failed";
    return;
  }

  document.getElementById("trip").addEventListener("click", () => Journeys.track("Trip Completed", {
    road: "M12", entryPoint: "Moscow", exitPoint: "Kazan", distanceKm: 800, amount: 2500, currency: "RUB", vehicleClass: "1",
  }));
  document.getElementById("visit").addEventListener("click", () => Journeys.page());
  document.getElementById("custom").addEventListener("submit", (e) => {
    e.preventDefault();
    Journeys.track(document.getElementById("event-name").value, { page: location.pathname });
  });
})();
