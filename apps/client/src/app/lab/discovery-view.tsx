import type { ShownExchange } from "@/lab/lab-session";
import { AnswerView } from "./answer-view";
import { HttpRequestView } from "./http-request-view";

/** What each message of step 0 is, in the order the lab sends them. */
export const discoveryMessageTitles = [
  "The API, called without a token (RFC 6750 §3.1)",
  "The API's metadata, where the 401 said (RFC 9728 §3)",
  "The authorization server's metadata, from the server the API named (RFC 8414 §3)",
] as const;

/** Step 0's messages as sent, with their answers and what the lab read in each. */
export function DiscoveryView({ messages }: { messages: ShownExchange[] }) {
  return (
    <ol className="space-y-8">
      {messages.map((message, index) => (
        <li key={index} className="space-y-4">
          <h3 className="text-2xl font-bold">
            0.{index + 1} {discoveryMessageTitles[index]}
          </h3>
          <HttpRequestView request={message.request} />
          <AnswerView answer={message} />
          {message.reading ? <p className="max-w-4xl text-xl font-semibold text-pass">{message.reading}</p> : null}
        </li>
      ))}
    </ol>
  );
}
