import { WorkshopNotFound } from "@/components/workshop/workshop-not-found";

/** A page of the workshop that is not there, or a server that runs no workshop. */
export default function NotFound() {
  return <WorkshopNotFound back={{ href: "/workshop/exercises", text: "Back to your exercises" }} />;
}
