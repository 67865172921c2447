import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, progress, run } from '@mindscape/devkit';

/** Neo4j 5.26 is the LTS line; the pom pins the same version. */
export const NEO4J_VERSION = '5.26.30';
/** APOC core, for the procedures @neo4j/graphql's authorization rules call. */
export const APOC_VERSION = '5.26.19';

const neo4jDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const neo4jHome = join(neo4jDir, '.neo4j');
const libDir = join(neo4jHome, 'lib');
const classesDir = join(neo4jHome, 'classes');
const launcherSource = join(neo4jDir, 'launcher', 'src', 'MindscapeNeo4j.java');

/** The Java classpath of the embedded server, resolved from Maven Central on first use. */
export async function provisionNeo4j(): Promise<string> {
  await requireTool('java', ['-version'], 'Java 17 (apt-get install openjdk-17-jdk-headless)');
  // Named after what the jars contain, so adding a dependency re-resolves existing installs.
  const marker = join(libDir, `.complete-${NEO4J_VERSION}-apoc-${APOC_VERSION}`);
  if (!(await exists(marker))) {
    await requireTool('mvn', ['-v'], 'Maven (apt-get install maven)');
    const started = Date.now();
    progress(
      'neo4j',
      `resolving Neo4j ${NEO4J_VERSION} Community from Maven Central (first start only, ~125 MB)`,
    );
    let downloaded = 0;
    await run(
      'neo4j',
      'mvn',
      [
        '-B',
        '-f',
        join(neo4jDir, 'launcher', 'pom.xml'),
        `-Dneo4j.version=${NEO4J_VERSION}`,
        `-Dapoc.version=${APOC_VERSION}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${libDir}`,
        '-DincludeScope=runtime',
      ],
      {
        onLine: (line) => {
          if (line.includes('Downloaded from') && ++downloaded % 25 === 0) {
            progress('neo4j', `${downloaded} artifacts downloaded…`);
          }
        },
      },
    );
    await writeFile(marker, new Date().toISOString());
    progress(
      'neo4j',
      `resolved ${(await readdir(libDir)).length} jars in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  await compileLauncher();
  return `${classesDir}:${libDir}/*`;
}

async function compileLauncher(): Promise<void> {
  const compiled = join(classesDir, 'MindscapeNeo4j.class');
  if (
    (await exists(compiled)) &&
    (await stat(compiled)).mtimeMs >= (await stat(launcherSource)).mtimeMs
  )
    return;
  await requireTool(
    'javac',
    ['-version'],
    'a Java 17 JDK (apt-get install openjdk-17-jdk-headless)',
  );
  await mkdir(classesDir, { recursive: true });
  await run('neo4j', 'javac', ['-cp', `${libDir}/*`, '-d', classesDir, launcherSource]);
}

async function requireTool(command: string, args: string[], install: string): Promise<void> {
  if ((await capture(command, args)) === undefined) {
    throw new Error(
      `The embedded Neo4j needs \`${command}\`, which was not found. Install ${install}, ` +
        'or set NEO4J_URI to an existing Neo4j server.',
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
