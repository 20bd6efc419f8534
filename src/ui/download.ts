/** Saves text (or bytes) as a file through the browser's own download (extension pages only; nothing leaves the browser). */
export function download(name: string, type: string, text: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}

/** Today's date for file names: loket-overdrachten-2026-11-26.csv */
export const fileStamp = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);
