/**
 * The workshop's seven exercises, which build on each other (README "Running a workshop"). Each is
 * marked done when the server sees it happen in the attendee's own traffic (./progress.ts), never
 * when a button is pressed. `short` heads the room dashboard's column.
 */
export const exercises = [
  { number: 1, short: "PrintShop", title: "Sign in through PrintShop and open “How this worked”" },
  { number: 2, short: "Lab", title: "Step through the lab" },
  { number: 3, short: "Own client", title: "Run your own client: the code flow with oauth4webapi" },
  { number: 4, short: "API call", title: "Call the API with your access token" },
  { number: 5, short: "Refresh", title: "Refresh your access token" },
  { number: 6, short: "Revoke", title: "Revoke your client's access at Connected apps" },
  { number: 7, short: "Attack", title: "One attack of your choice in the attack lab" },
] as const;

export type ExerciseNumber = (typeof exercises)[number]["number"];
