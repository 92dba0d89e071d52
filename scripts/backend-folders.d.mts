/**
 * The folder names under `src/backends/` of every backend in `BACKENDS`, in registry order, read from the text of
 * `src/backends/registry.ts`. Throws when the registry has no `BACKENDS` list or an entry has no folder import.
 */
export function backendFolders(root: string): string[];
