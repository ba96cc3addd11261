import { AccountHeader } from "@/components/account-header";
import { currentUser } from "@/session/current-user";
import { findRoom } from "@/storage/workshop-room";

/**
 * The 404 page of the workshop's pages: on a server started without a workshop room, that it runs
 * none; else that the page asked for is not there (an unknown flow, a page shown once).
 */
export async function WorkshopNotFound({ back }: { back: { href: string; text: string } }) {
  const [user, room] = await Promise.all([currentUser(), findRoom()]);
  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-4 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">{room ? "Not found" : "This server runs no workshop"}</h1>
        <p className="text-xl">
          {room
            ? "There is nothing at this address in the workshop room, or no longer: a recorded flow is kept for a day."
            : "PhotoCloud Accounts runs a workshop room only when its instructor has set one up (README, “Running a workshop”)."}
        </p>
        <p className="text-xl">
          <a href={room ? back.href : "/"} className="font-semibold underline">
            {room ? back.text : "PhotoCloud Accounts’ home page"}
          </a>
        </p>
      </main>
    </>
  );
}
