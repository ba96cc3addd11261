import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ClientHeader } from "@/components/client-header";

export const metadata: Metadata = { title: "Source" };

/** The repository, seen from apps/client, where the app runs. */
const repositoryRoot = path.resolve(process.cwd(), "../..");

/**
 * The files a recorded check may point to: TypeScript sources in the `src` folder of an app or a
 * package, named plainly. Nothing else on disk (no configuration, no `.env`, no database, nothing
 * outside the repository) is ever served.
 */
const sourceFile = /^(apps|packages)\/[a-z-]+\/src\/(?:[A-Za-z0-9_.[\]-]+\/)*[A-Za-z0-9_[\]-]+(?:\.[a-z-]+)*\.tsx?$/;

function isServedSourceFile(file: string): boolean {
  return sourceFile.test(file) && !file.split("/").some((segment) => segment.startsWith(".")) && !/(^|\/)env\.ts$/.test(file);
}

/**
 * A source file of this repository, as the inspector's checks point to it, so a learner can read
 * the rule's code beside the message.
 */
export default async function SourcePage({ params }: { params: Promise<{ path: string[] }> }) {
  const file = (await params).path.join("/");
  if (!isServedSourceFile(file)) notFound();
  const text = await readFile(path.join(repositoryRoot, file), "utf8").catch(() => null);
  if (text === null) notFound();
  const lines = text.split("\n");
  return (
    <>
      <ClientHeader user={null} />
      <main className="mx-auto max-w-6xl space-y-4 px-6 py-6">
        <h1 className="font-mono text-2xl font-bold break-all">{file}</h1>
        <pre className="overflow-x-auto rounded-xl border-2 border-line bg-surface p-4 text-base leading-relaxed">
          <code>
            {lines.map((line, index) => (
              <span key={index} className="block">
                <span className="mr-4 inline-block w-10 text-right text-muted select-none">{index + 1}</span>
                {line}
              </span>
            ))}
          </code>
        </pre>
      </main>
    </>
  );
}
