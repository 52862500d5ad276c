/** Save text as a file: a temporary object URL behind a temporary `<a download>`. */
export function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL only after click() returns: free it on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
