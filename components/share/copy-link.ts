/** The absolute link of a stored share, copied to the clipboard when the browser allows it. */
export async function copyShareLink(path: string): Promise<{ link: string; copied: boolean }> {
  const link = new URL(path, window.location.origin).toString();
  const copied = await navigator.clipboard?.writeText(link).then(
    () => true,
    () => false,
  );
  return { link, copied: copied === true };
}
