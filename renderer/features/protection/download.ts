// Saves an export through the browser (web mode and Electron alike): a Blob and a download link.
export function saveFile(fileName: string, mime: string, content: string): string {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  return url;
}
