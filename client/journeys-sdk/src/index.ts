import { HttpTransportType, HubConnection, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { Interaction, Popup, renderPopup } from "./popup";
import { firstShowing, loadAnonymous, saveAnonymous } from "./storage";

export interface InitOptions {
  /** The site's write key (public: it only lets events in). */
  writeKey: string;
  /** The site as configured on the gateway (Visitors:Sites); needed for anonymous visitors. */
  site?: string;
  /** A visitor token made by the site's backend for a known visitor; without it the visitor is anonymous. */
  token?: string;
  /** The known visitor's id, matching the token; events are then sent as that userId. */
  userId?: string;
  /** Default: the origin this page was served from. */
  gatewayUrl?: string;
}

interface Identity {
  userId?: string;
  anonymousId?: string;
}

let options: InitOptions | null = null;
let identity: Identity = {};
let connection: HubConnection | null = null;

const gateway = (): string => (options?.gatewayUrl ?? location.origin).replace(/\/$/, "");

function basic(): string {
  return "Basic " + btoa(`${options!.writeKey}:`);
}

async function post(path: string, body: unknown): Promise<Response> {
  const response = await fetch(gateway() + path, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: basic() },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`Journeys ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

async function anonymousToken(): Promise<string> {
  const known = loadAnonymous();
  if (known && known.anonymousId && Date.parse(known.expiresAt) - Date.now() > 60_000) {
    identity = { anonymousId: known.anonymousId };
    return known.token;
  }
  // An expired token of ours is still proof of the anonymous id: the gateway renews it with the same id.
  const response = await post("/v1/visitor-token", { site: options!.site, token: known?.token });
  const fresh = (await response.json()) as { token: string; anonymousId: string; expiresAt: string };
  saveAnonymous(fresh);
  identity = { anonymousId: fresh.anonymousId };
  return fresh.token;
}

function show(popup: Popup): void {
  if (Date.parse(popup.expiresAt) <= Date.now() || !firstShowing(popup.id)) {
    return;
  }
  renderPopup(popup, (interaction: Interaction, url?: string) => {
    connection?.invoke("Report", popup.id, popup.journeyId, interaction, url ?? null)
      .catch((e) => console.warn("Journeys: popup interaction not reported", e));
  });
}

/** Connects this page to the gateway: events can be sent and popups appear. Resolves once connected. */
export async function init(settings: InitOptions): Promise<void> {
  options = settings;
  if (settings.token) {
    identity = { userId: settings.userId };
  } else {
    await anonymousToken();
  }
  connection = new HubConnectionBuilder()
    .withUrl(gateway() + "/v1/visitors", {
      // Asked again at every reconnect: an anonymous token near its expiry is renewed first.
      accessTokenFactory: () => settings.token ?? anonymousToken(),
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on("popup", show);
  await connection.start();
}

function envelope(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    messageId: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    ...identity,
    ...extra,
  };
}

/** Sends a page view of the current page (a "Page Viewed" event). */
export async function page(properties: Record<string, unknown> = {}): Promise<void> {
  await post("/v1/track", envelope({
    event: "Page Viewed",
    properties: { url: location.href, path: location.pathname, title: document.title, referrer: document.referrer || undefined, ...properties },
  }));
}

export async function track(event: string, properties: Record<string, unknown> = {}): Promise<void> {
  await post("/v1/track", envelope({ event, properties }));
}

/**
 * Tells who the visitor is. Their anonymous history joins the known profile; popups of the known
 * profile need a token for it from the site's backend (init again with it).
 */
export async function identify(userId: string, traits: Record<string, unknown> = {}): Promise<void> {
  await post("/v1/identify", envelope({ userId, traits }));
  identity = { ...identity, userId };
}

/** Disconnects from the gateway: no more popups on this page. */
export async function close(): Promise<void> {
  await connection?.stop();
  connection = null;
}

/** The id events are sent under: the known user's, else the anonymous one. */
export function visitorId(): string | undefined {
  return identity.userId ?? identity.anonymousId;
}
