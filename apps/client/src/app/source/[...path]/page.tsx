import { checkedSourceFiles } from "@seven-steps/inspector";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ClientHeader } from "@/components/client-header";

export const metadata: Metadata = { title: "Source" };

/** The repository, seen from apps/client, where the app runs. */
const repositoryRoot = path.resolve(process.cwd(), "../..");

/**
 * A source file of this repository that one of the inspector's checks points to, so a learner can
 * read the rule's code beside the message. Only those files: nothing else on disk is served.
 */
export default async function SourcePage({ params }: { params: Promise<{ path: string[] }> }) {
  const file = (await params).path.join("/");
  if (!checkedSourceFiles.includes(file)) notFound();
  const text = await readFile(path.join(repositoryRoot, file), "utf8").catch(() => null);
  if (text === null) notFound();
  const lines = text.split("\n");
  return (
    <>
      <ClientHeader user={null} />
      <main className="mx-auto max-w-6xl space-y-4 px-6 py-6">
        <h1 className="font-mono text-2xl font-bold break-all">{file}</h1>
        <pre className="overflow-x-auto rounded-xl border-2 border-line bg-white p-4 text-base leading-relaxed">
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
