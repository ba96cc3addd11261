import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/auth/session";
import { AddPhotoForm } from "@/components/add-photo-form";
import { ClientHeader } from "@/components/client-header";
import { ProblemNotice } from "@/components/problem-notice";
import { SignInButton } from "@/components/sign-in-button";
import { listPhotos } from "@/photos/photo-api";

export const metadata: Metadata = { title: "Your photos" };

/**
 * The end of the seven steps, from the user's side: PrintShop shows the photos it fetched from
 * the PhotoCloud API with the access token it holds on its server.
 */
export default async function PhotosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  const query = await searchParams;
  if (!user) {
    return (
      <>
        <ClientHeader user={null} />
        <main className="mx-auto max-w-3xl space-y-5 px-6 py-10">
          <h1 className="text-4xl font-bold tracking-tight">Your photos</h1>
          <p className="text-xl">Sign in with your PhotoCloud account to see your photos here.</p>
          <SignInButton />
        </main>
      </>
    );
  }

  const photos = await listPhotos(user.sid);
  const printed = typeof query.printed === "string" ? query.printed : undefined;
  const added = typeof query.added === "string" ? query.added : undefined;
  const addError = typeof query.add_error === "string" ? query.add_error : undefined;
  return (
    <>
      <ClientHeader user={user} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">{user.name}&apos;s photos</h1>
        {added ? (
          <p role="status" className="rounded-lg bg-role-client-soft px-4 py-3 text-lg">
            &ldquo;{added}&rdquo; was added to your album at PhotoCloud.
          </p>
        ) : null}
        {printed ? (
          <p role="status" className="rounded-lg bg-role-client-soft px-4 py-3 text-lg">
            &ldquo;{printed}&rdquo; is on its way to the printer. (Pretend: no printer is harmed in this demo.)
          </p>
        ) : null}
        {photos.ok ? (
          <>
            <p className="text-lg text-muted">
              Fetched from the PhotoCloud API with an access token for the scopes <code>{photos.scopes.join(" ")}</code>.{" "}
              {user.flowId ? (
                <Link href={`/inspector/${user.flowId}`} prefetch={false} className="font-semibold">
                  See how this worked, step by step
                </Link>
              ) : null}
            </p>
            {photos.value.length === 0 ? <p className="text-xl">No photos yet.</p> : null}
            <ul aria-label="Photos" className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {photos.value.map((photo) => (
                <li key={photo.id} className="overflow-hidden rounded-xl border-2 border-line bg-surface">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by PrintShop's own proxy */}
                  <img src={`/photos/${photo.id}/picture`} alt={photo.title} width={400} height={300} className="w-full" />
                  <div className="flex items-center justify-between gap-3 p-4">
                    <div>
                      <p className="font-semibold">{photo.title}</p>
                      <p className="text-base text-muted">{new Date(photo.taken_at).toLocaleDateString("en-GB", { dateStyle: "long" })}</p>
                    </div>
                    <form method="post" action="/photos/print">
                      <input type="hidden" name="title" value={photo.title} />
                      <button type="submit" aria-label={`Print ${photo.title}`} className="rounded-lg border-2 border-role-client px-4 py-1 font-semibold text-role-client">
                        Print
                      </button>
                    </form>
                  </div>
                </li>
              ))}
            </ul>
            {photos.scopes.includes("photos:write") ? <AddPhotoForm error={addError} /> : null}
          </>
        ) : (
          <ProblemNotice problem={photos.problem} />
        )}
      </main>
    </>
  );
}
