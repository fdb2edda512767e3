import { sanitize } from "./sanitize";

export interface Popup {
  id: string;
  journeyId: string;
  title: string;
  bodyHtml: string;
  expiresAt: string;
}

export type Interaction = "shown" | "clicked" | "dismissed";

const styles = `
.journeys-popup{position:fixed;right:24px;bottom:24px;max-width:360px;z-index:2147483000;background:#fff;color:#1d2433;
border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.25);padding:18px 44px 18px 20px;font:15px/1.45 system-ui,sans-serif}
.journeys-popup h2{margin:0 0 8px;font-size:17px}
.journeys-popup a{color:#0b5cad}
.journeys-popup-close{position:absolute;top:8px;right:8px;width:30px;height:30px;border:0;border-radius:50%;
background:transparent;font-size:20px;line-height:1;cursor:pointer;color:#555}
.journeys-popup-close:focus-visible{outline:2px solid #0b5cad}`;

function ensureStyles(): void {
  if (!document.getElementById("journeys-popup-styles")) {
    const style = document.createElement("style");
    style.id = "journeys-popup-styles";
    style.textContent = styles;
    document.head.appendChild(style);
  }
}

/** Shows a popup as a non-modal dialog: labelled, focus on its close button, Escape dismisses. */
export function renderPopup(popup: Popup, report: (interaction: Interaction, url?: string) => void): HTMLElement {
  ensureStyles();
  const dialog = document.createElement("div");
  dialog.className = "journeys-popup";
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "false");
  dialog.dataset.journeysPopup = popup.id;
  const titleId = `journeys-popup-title-${popup.id}`;
  dialog.setAttribute("aria-labelledby", titleId);

  const title = document.createElement("h2");
  title.id = titleId;
  title.textContent = popup.title;
  const body = document.createElement("div");
  body.className = "journeys-popup-body";
  body.appendChild(sanitize(popup.bodyHtml));
  const close = document.createElement("button");
  close.type = "button";
  close.className = "journeys-popup-close";
  close.setAttribute("aria-label", "Close");
  close.textContent = "\u00d7";
  dialog.append(close, title, body);

  let open = true;
  const dismiss = () => {
    if (open) {
      open = false;
      dialog.remove();
      report("dismissed");
    }
  };
  close.addEventListener("click", dismiss);
  dialog.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      dismiss();
    }
  });
  body.addEventListener("click", (e) => {
    const link = (e.target as Element).closest("a");
    if (link) {
      report("clicked", link.href);
    }
  });

  document.body.appendChild(dialog);
  close.focus();
  report("shown");
  return dialog;
}
