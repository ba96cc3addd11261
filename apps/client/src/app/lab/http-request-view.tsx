import { curlCommand } from "@/lab/curl";
import type { LabHttpRequest } from "@/lab/http-request";
import { CurlCommand } from "./curl-command";
import { ParameterTable } from "./parameter-table";

/**
 * An HTTP request exactly as the lab sends it: method and address, headers, the parameters with
 * what each is for, and the same request as a curl command.
 */
export function HttpRequestView({
  request,
  parametersIn,
  meanings = {},
}: {
  request: LabHttpRequest;
  /** Where the parameters travel: in the query string of the URL, or in a form body. */
  parametersIn?: "query" | "body";
  meanings?: Record<string, string>;
}) {
  const url = new URL(request.url);
  const address = parametersIn === "query" ? `${url.origin}${url.pathname}` : request.url;
  const headers = Object.entries(request.headers);
  const parameters = parametersIn === "query" ? [...url.searchParams] : parametersIn === "body" ? [...new URLSearchParams(request.body)] : [];
  return (
    <div className="space-y-4">
      <p className="flex items-center gap-3 rounded-xl border-2 border-ink px-4 py-3 font-mono text-2xl">
        <span className="rounded-md bg-ink px-2 py-0.5 text-lg font-bold text-paper">{request.method}</span>
        <span className="break-all">{address}</span>
      </p>
      {headers.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-lg">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-bold">{name}:</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {parameters.length > 0 ? (
        <ParameterTable
          caption={parametersIn === "query" ? "Query parameters" : "Body, application/x-www-form-urlencoded"}
          parameters={parameters}
          meanings={meanings}
        />
      ) : null}
      <CurlCommand command={curlCommand(request)} />
    </div>
  );
}
