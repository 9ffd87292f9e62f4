/**
 * The CI-sized robustness corpus: a deterministic sample of installed package files, every
 * generated edge-case and pitfall file, and every code example of the rules' docs pages. The full
 * package corpus (typescript.js and all) belongs to `npm run bench`; set `ROBUSTNESS_FULL=1` to
 * run the robustness tests over it too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { collectPackageFiles, REPO_ROOT, sampleFiles, type CorpusFile } from '../../scripts/corpus';
import { pluginRules } from '../../scripts/corpus-config';
import { edgeCaseFiles, pitfallFiles } from '../../scripts/generate-corpus';
import { readDocsExamples } from '../docs-examples';

/** Package files in the untyped sample, and the size limit that keeps bundles out of it. */
export const PACKAGE_SAMPLE = { count: 120, maxLines: 2000 };
/** Package files in the typed sample (a type-checked program is slower to build and query). */
export const TYPED_PACKAGE_SAMPLE = 12;

function docsExampleFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const name of Object.keys(pluginRules()).sort()) {
    if (!existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${name}.md`))) continue;
    for (const example of readDocsExamples(name)) {
      const extension = example.language === 'tsx' || example.language === 'jsx' ? 'tsx' : 'ts';
      files.push({
        path: `generated/docs/${name}-${example.section.toLowerCase()}-line-${example.line}.${extension}`,
        text: example.code,
        sourceType: 'module',
        group: 'generated',
      });
    }
  }
  return files;
}

export interface RobustnessCorpus {
  untyped: CorpusFile[];
  typed: CorpusFile[];
}

export function robustnessCorpus(): RobustnessCorpus {
  const packages = collectPackageFiles();
  const full = process.env.ROBUSTNESS_FULL === '1';
  const sample = full ? packages : sampleFiles(packages, PACKAGE_SAMPLE.count, PACKAGE_SAMPLE.maxLines);
  const generated = [...edgeCaseFiles(), ...pitfallFiles(), ...docsExampleFiles()];
  return {
    untyped: [...generated, ...sample],
    typed: [...generated, ...sampleFiles(packages, TYPED_PACKAGE_SAMPLE, PACKAGE_SAMPLE.maxLines)].filter(
      (file) => !file.untypedOnly,
    ),
  };
}
