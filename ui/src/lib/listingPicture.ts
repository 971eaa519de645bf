// The listing as one PNG, for sharing with marketing: the catalog tile, the
// integration's page and (for an API service) the Authorize screen, drawn on a
// canvas from what core made of the draft (the `Listing`), light or dark, at
// 1× or 2×. The words are core's; this only lays them out.

import type { Listing } from "./bindings/Listing";

const COLORS = {
  light: {
    bg: "#f5f7fb",
    card: "#ffffff",
    text: "#1b2333",
    muted: "#5b6578",
    border: "#d6dce7",
    warn: "#9a6700",
  },
  dark: {
    bg: "#11151d",
    card: "#1a202b",
    text: "#e6eaf2",
    muted: "#9aa4b6",
    border: "#313b4c",
    warn: "#e3b341",
  },
} as const;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const WIDTH = 960;

/** Splits `text` into lines no wider than `width` in the context's font. */
export function wrap(measure: (s: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (measure(next) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A file name for the picture: "acme-log-shipper-listing-dark@2x.png". */
export function pictureName(name: string, theme: string, scale: number): string {
  const slug =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "integration";
  return `${slug}-listing-${theme}@${scale}x.png`;
}

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** Draws the listing and returns the PNG's bytes. */
export async function listingPicture(
  listing: Listing,
  theme: "light" | "dark",
  scale: 1 | 2,
): Promise<Uint8Array> {
  const c = COLORS[theme];
  const logo = listing.logo ? await loadImage(listing.logo) : null;
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This window can't draw pictures (no 2D canvas).");
  const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT}`;
  const measure = (f: string) => (s: string) => {
    ctx.font = f;
    return ctx.measureText(s).width;
  };
  const pad = 32;
  const inner = WIDTH - 2 * pad;
  const desc = wrap(measure(font(15)), listing.description || "(no description yet)", inner - 24);
  const scopes = listing.scopes;

  // Height first (lines are laid out twice: measured, then drawn).
  const tileH = 190;
  const pageH =
    24 +
    72 +
    16 +
    desc.length * 22 +
    16 +
    24 +
    (listing.contacts.length ? 28 + 20 * listing.contacts.length : 0) +
    24;
  const authH = scopes.length
    ? 24 + 36 + 26 * scopes.length + 24 + (listing.installAsks.length ? 24 : 0)
    : 0;
  const height = pad + 22 + tileH + 24 + pageH + (authH ? 24 + authH : 0) + 24 + 18 + pad;
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.textBaseline = "top";

  const card = (x: number, y: number, w: number, h: number) => {
    ctx.fillStyle = c.card;
    ctx.strokeStyle = c.border;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 8);
    ctx.fill();
    ctx.stroke();
  };
  const text = (s: string, x: number, y: number, f: string, color: string = c.text) => {
    ctx.font = f;
    ctx.fillStyle = color;
    ctx.fillText(s, x, y);
  };
  const drawLogo = (x: number, y: number, w: number, h: number) => {
    if (!logo) {
      text("No logo", x + w / 2 - 25, y + h / 2 - 8, font(13), c.muted);
      return;
    }
    const k = Math.min(w / logo.width, h / logo.height);
    const dw = logo.width * k;
    const dh = logo.height * k;
    ctx.drawImage(logo, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
  };

  let y = pad;
  text("In the OIN catalog", pad, y, font(13, 600), c.muted);
  y += 22;
  card(pad, y, 190, tileH);
  drawLogo(pad + 34, y + 24, 122, 78);
  const nameLines = wrap(measure(font(14, 600)), listing.name || "(no name yet)", 166).slice(0, 3);
  nameLines.forEach((l, i) => {
    ctx.font = font(14, 600);
    text(l, pad + 95 - ctx.measureText(l).width / 2, y + 120 + i * 20, font(14, 600));
  });
  y += tileH + 24;

  card(pad, y, inner, pageH);
  let py = y + 24;
  drawLogo(pad + 24, py, 72, 72);
  text(listing.name || "(no name yet)", pad + 112, py + 10, font(22, 700));
  text(listing.capability, pad + 112, py + 42, font(14), c.muted);
  py += 72 + 16;
  for (const l of desc) {
    text(l, pad + 24, py, font(15));
    py += 22;
  }
  py += 16;
  text(
    listing.useCases.length ? `Use cases: ${listing.useCases.join(" · ")}` : "No use cases chosen",
    pad + 24,
    py,
    font(13),
    c.muted,
  );
  py += 24;
  if (listing.contacts.length) {
    py += 4;
    text("Support", pad + 24, py, font(13, 600));
    py += 24;
    for (const contact of listing.contacts) {
      text(contact.value, pad + 24, py, font(13), c.muted);
      py += 20;
    }
  }
  y += pageH;

  if (authH) {
    y += 24;
    card(pad, y, inner, authH);
    let ay = y + 24;
    text("Authorize integration", pad + 24, ay, font(18, 700));
    ay += 36;
    for (const s of scopes) {
      text(`• ${s.words}`, pad + 24, ay, font(15));
      ctx.font = font(15);
      const after = pad + 24 + ctx.measureText(`• ${s.words}`).width + 10;
      const note = s.unknown
        ? " — not an Okta admin scope"
        : s.changes
          ? " — can change your org"
          : "";
      text(`${s.scope}${note}`, after, ay + 1, font(13), s.changes || s.unknown ? c.warn : c.muted);
      ay += 26;
    }
    if (listing.installAsks.length) {
      ay += 4;
      text(`Asked at install: ${listing.installAsks.join(", ")}`, pad + 24, ay, font(13), c.muted);
    }
    y += authH;
  }
  y += 24;
  text(
    "A preview made by OIN Studio (not an Okta product); Okta's catalog draws the real listing.",
    pad,
    y,
    font(12),
    c.muted,
  );

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("The picture couldn't be made.");
  return new Uint8Array(await blob.arrayBuffer());
}
