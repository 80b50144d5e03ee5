// Vitest globalSetup of the browser project: makes sure the generated image
// corpus exists (a no-op in a few milliseconds when it does).
import { makeCorpus } from '../../scripts/make-corpus.ts'

export default async function setup(): Promise<void> {
  const written = await makeCorpus()
  if (written.length > 0) console.log(`corpus: generated ${written.length} files in test/corpus/generated/`)
}
