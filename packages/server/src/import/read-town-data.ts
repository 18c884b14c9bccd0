/**
 * Reads the files of an import (a file, or every *.json of a directory, in name order) and
 * merges them into one data set; every problem of every file is reported with file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jsonValueLines, lineOf, lineOfPosition } from './json-lines.js';
import { TownDataSchema, type TownData } from './town-data.js';

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportError';
  }
}

export function importFiles(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new ImportError([`${path}: nicht gefunden`]);
  if (stat.isFile()) return [path];
  const files = readdirSync(path).filter((name) => name.endsWith('.json')).sort().map((name) => join(path, name));
  if (files.length === 0) throw new ImportError([`${path}: keine .json-Dateien`]);
  return files;
}

export function readTownData(path: string): TownData {
  const problems: string[] = [];
  const merged: TownData = { offices: [] };
  const officeFiles = new Map<string, string>();
  for (const file of importFiles(path)) {
    const text = readFileSync(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`${file}:${lineOfPosition(text, message)}: kein gültiges JSON (${message})`);
      continue;
    }
    const parsed = TownDataSchema.safeParse(json);
    if (!parsed.success) {
      const lines = jsonValueLines(text);
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        problems.push(`${file}:${lineOf(lines, path)}: ${path.join('.') || '(Datei)'}: ${issue.message}`);
      }
      continue;
    }
    if (parsed.data.town) {
      if (merged.town) problems.push(`${file}:1: town: das Stadtprofil steht schon in einer anderen Datei`);
      merged.town = parsed.data.town;
    }
    for (const office of parsed.data.offices) {
      const other = officeFiles.get(office.id);
      if (other) problems.push(`${file}: offices: „${office.id}“ steht schon in ${other}`);
      officeFiles.set(office.id, file);
      merged.offices.push(office);
    }
  }
  if (problems.length > 0) throw new ImportError(problems);
  return merged;
}
