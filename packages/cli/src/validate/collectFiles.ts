import fs from 'node:fs/promises';
import path from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'dist-types']);

async function walk(directory: string, found: string[]) {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
        await walk(full, found);
      }
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      found.push(full);
    }
  }
}

/**
 * The YAML files to check: each file named, and every .yaml/.yml file below each directory
 * named (hidden directories and node_modules skipped). Paths that do not exist are returned
 * separately so they can be reported.
 */
export async function collectFiles(
  paths: string[],
): Promise<{ files: string[]; missing: string[]; emptyDirectories: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const emptyDirectories: string[] = [];
  for (const target of paths) {
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat) {
      missing.push(target);
    } else if (stat.isDirectory()) {
      const found: string[] = [];
      await walk(target, found);
      if (!found.length) {
        emptyDirectories.push(target);
      }
      files.push(...found);
    } else {
      files.push(target);
    }
  }
  return { files, missing, emptyDirectories };
}
