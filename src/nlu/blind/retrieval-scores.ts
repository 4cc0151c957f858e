/** Retrieval on a blind directory: filled in once the layout of its retrieval questions is known. */
export async function evaluateBlindRetrieval(_dir: string, _verbose: boolean): Promise<Record<string, number>> {
  return {};
}
