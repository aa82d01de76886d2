/**
 * Stored latency models: one JSON file per model in a directory (default `.kubetune/models`), with its training
 * window, features, scores and learner version inside. `predict show` lists them; `what-if` loads the newest.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';

export const DEFAULT_MODEL_DIR = '.kubetune/models';

/** What the store needs of a model; the model's own type stays with its analyzer. */
export interface StoredModel {
  readonly schemaVersion: number;
  readonly id: string;
  readonly createdAt: string;
}

export class ModelFiles<M extends StoredModel> {
  constructor(
    readonly dir: string,
    private readonly schemaVersion: number,
  ) {}

  save(model: M): string {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${model.id}.json`);
    // Write then rename: a crash never leaves a half-written model that `what-if` would read.
    writeFileSync(`${file}.tmp`, JSON.stringify(model));
    renameSync(`${file}.tmp`, file);
    return file;
  }

  list(): M[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .flatMap((n) => {
        try {
          const m = JSON.parse(readFileSync(join(this.dir, n), 'utf8')) as M;
          return m.schemaVersion === this.schemaVersion ? [m] : [];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  load(id: string): M {
    const all = this.list();
    const model = id === 'latest' ? all.at(-1) : all.find((m) => m.id === id);
    if (!model)
      throw new UsageError(
        all.length === 0
          ? `no stored model in ${this.dir}: run \`kubetune predict train --prometheus URL\` first`
          : `no model ${JSON.stringify(id)} in ${this.dir} (have: ${all.map((m) => m.id).join(', ')})`,
      );
    return model;
  }
}
