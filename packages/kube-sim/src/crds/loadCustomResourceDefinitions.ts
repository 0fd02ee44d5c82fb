import { promises as fs } from 'fs';
import path from 'path';
import YAML from 'yaml';
import { ResourceType } from '../api/types';
import { resourceTypesFromCrd } from './resourceTypesFromCrd';

function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** A file is taken as given; a directory is searched recursively, in name order. */
async function yamlFilesAt(location: string): Promise<string[]> {
  const stats = await fs.stat(location);
  if (!stats.isDirectory()) {
    return [location];
  }
  const entries = await fs.readdir(location, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(
    entries.map(entry => {
      const entryPath = path.join(location, entry.name);
      if (entry.isDirectory()) {
        return yamlFilesAt(entryPath);
      }
      return Promise.resolve(
        entry.isFile() && isYamlFile(entry.name) ? [entryPath] : [],
      );
    }),
  );
  return nested.flat();
}

function parseYamlDocuments(text: string, file: string): unknown[] {
  return Array.from(YAML.parseAllDocuments(text), (document, index) => {
    const [error] = document.errors;
    if (error) {
      throw new Error(
        `${file}: invalid YAML in document ${index + 1}: ${error.message}`,
      );
    }
    return document.toJS();
  });
}

async function resourceTypesFromFile(file: string): Promise<ResourceType[]> {
  const text = await fs.readFile(file, 'utf8');
  return parseYamlDocuments(text, file).flatMap((document, index) => {
    // An empty document, e.g. after a trailing `---`.
    if (document === null || document === undefined) {
      return [];
    }
    try {
      return resourceTypesFromCrd(document);
    } catch (error) {
      throw new Error(
        `${file}: document ${index + 1}: ${(error as Error).message}`,
      );
    }
  });
}

/** Reads CustomResourceDefinitions from YAML files and directories of them. */
export async function loadCustomResourceDefinitions(
  paths: string[],
): Promise<ResourceType[]> {
  const files = (await Promise.all(paths.map(yamlFilesAt))).flat();
  const perFile = await Promise.all(files.map(resourceTypesFromFile));
  return perFile.flat();
}
