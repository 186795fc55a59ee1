/** Has the browser download `href` (a link, or a Blob's bytes) under `name`. */
export function saveFile(href: string | Blob, name: string): void {
  const url = typeof href === "string" ? href : URL.createObjectURL(href);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  if (typeof href !== "string") setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
