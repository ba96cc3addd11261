"use client";

import { useEffect, useState } from "react";
import {
  prepareAuthorizationRequest,
  pushedAuthorizationRequest,
  sendPushedAuthorizationRequest,
  type Discovered,
  type PreparedAuthorizationRequest,
  type PushedAnswer,
} from "@/lab/authorization-step";
import type { LabConfiguration } from "@/lab/configuration";
import {
  callWithoutTokenRequest,
  metadataRequest,
  sendCallWithoutToken,
  sendResourceMetadataRequest,
  sendServerMetadataRequest,
  serverMetadataRequest,
} from "@/lab/discovery-step";
import { labDpopKeyPair } from "@/lab/dpop-key";
import { labCanUseDpop } from "@/lab/secure-context";
import type { LabHttpRequest } from "@/lab/http-request";
import { saveLabSession, type ShownExchange } from "@/lab/lab-session";
import { authorizationRequestParameters, pushedAuthorizationUrlParameters } from "@/lab/parameter-meanings";
import { ActionBar, NextButton, StartOverButton } from "./action-bar";
import { AnswerView } from "./answer-view";
import { DiscoveryView } from "./discovery-view";
import { HttpRequestView } from "./http-request-view";
import { LabProgress } from "./lab-progress";
import { AboutToHappen, LabProblem, StepSection } from "./step-section";
import { WithoutDpopNote } from "./without-dpop-note";

type Preparation =
  | { status: "preparing" }
  | { status: "ready"; prepared: PreparedAuthorizationRequest }
  | { status: "failed"; reason: string };

/**
 * Step 0 once chosen: the messages sent so far, the next one and what it will be called, or why
 * the run stopped; `found` when all three are done.
 */
interface DiscoveryRun {
  messages: ShownExchange[];
  next: { request: LabHttpRequest; label: string } | null;
  sending: boolean;
  problem?: string;
  /** What the second message found: the authorization server to ask, and the API's identifier. */
  resource?: { identifier: string; issuer: string };
  found?: Discovered;
}

/** A request the lab has sent, and what came of it. */
type Exchange<Answer> = { status: "sending" } | { status: "answered"; answer: Answer } | { status: "no-answer"; reason: string };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Step 0 (optional), then steps 1 and 2: discovery from the API, the authorization request shown
 * in full (in the address bar, or pushed first), and what will happen once it is sent.
 */
export function LabStart({ configuration }: { configuration: LabConfiguration }) {
  const [preparation, setPreparation] = useState<Preparation>({ status: "preparing" });
  const [discovery, setDiscovery] = useState<DiscoveryRun | null>(null);
  const [pushing, setPushing] = useState(false);
  const [push, setPush] = useState<Exchange<PushedAnswer> | null>(null);
  const discovered = discovery?.found;
  const discovering = discovery !== null && discovery.found === undefined;

  useEffect(() => {
    // While step 0 runs, step 1 waits for what it finds.
    if (discovering) return;
    let superseded = false;
    labDpopKeyPair()
      .then((keyPair) => prepareAuthorizationRequest(configuration, keyPair, discovered))
      .then(
        (prepared) => {
          if (!superseded) setPreparation({ status: "ready", prepared });
        },
        (error: unknown) => {
          if (!superseded) setPreparation({ status: "failed", reason: reasonOf(error) });
        },
      );
    return () => {
      superseded = true;
    };
  }, [configuration, discovered, discovering]);

  function beginDiscovery() {
    // Step 1 is prepared again, from what step 0 finds.
    setPreparation({ status: "preparing" });
    setDiscovery({
      messages: [],
      next: { request: callWithoutTokenRequest(configuration.resourceApiUrl), label: "Next: call the API without a token" },
      sending: false,
    });
  }

  /** Sends step 0's next message, reads its answer, and prepares the one after. */
  async function advanceDiscovery(run: DiscoveryRun) {
    if (!run.next) return;
    const { request } = run.next;
    setDiscovery({ ...run, sending: true });
    const stop = (problem: string, message?: ShownExchange) =>
      setDiscovery({ ...run, messages: message ? [...run.messages, message] : run.messages, next: null, sending: false, problem });
    try {
      if (run.messages.length === 0) {
        const read = await sendCallWithoutToken(request);
        const message = { request, ...read.answer };
        if ("problem" in read) return stop(read.problem, message);
        const reading = `The challenge names the API's metadata: resource_metadata="${read.found.resourceMetadataUrl}".`;
        setDiscovery({
          messages: [{ ...message, reading }],
          next: { request: metadataRequest(read.found.resourceMetadataUrl), label: "Next: fetch the API's metadata" },
          sending: false,
        });
      } else if (run.messages.length === 1) {
        const read = await sendResourceMetadataRequest(request, configuration.resourceApiUrl);
        const message = { request, ...read.answer };
        if ("problem" in read) return stop(read.problem, message);
        const next = serverMetadataRequest(read.found);
        const issuer = read.found.authorization_servers?.[0];
        if (!next || !issuer) return stop("The API's metadata names no authorization server.", message);
        const reading = `It describes ${read.found.resource}, the API the lab called, and names its authorization server: ${issuer}.`;
        setDiscovery({
          messages: [...run.messages, { ...message, reading }],
          next: { request: next, label: "Next: fetch the authorization server's metadata" },
          sending: false,
          resource: { identifier: read.found.resource, issuer },
        });
      } else if (run.resource) {
        const read = await sendServerMetadataRequest(request, run.resource.issuer);
        const message = { request, ...read.answer };
        if ("problem" in read) return stop(read.problem, message);
        const endpoints = [
          `authorization_endpoint ${read.found.authorization_endpoint}`,
          `token_endpoint ${read.found.token_endpoint}`,
          read.found.pushed_authorization_request_endpoint ? `pushed_authorization_request_endpoint ${read.found.pushed_authorization_request_endpoint}` : null,
        ].filter(Boolean);
        const reading = `It is the issuer the API named. The lab now uses its endpoints: ${endpoints.join(", ")}; and names ${run.resource.identifier} as the resource.`;
        setDiscovery({
          messages: [...run.messages, { ...message, reading }],
          next: null,
          sending: false,
          resource: run.resource,
          found: { metadata: read.found, resource: run.resource.identifier },
        });
      }
    } catch (error) {
      stop(reasonOf(error));
    }
  }

  function pushAuthorizationRequest(prepared: PreparedAuthorizationRequest, request: LabHttpRequest) {
    setPush({ status: "sending" });
    sendPushedAuthorizationRequest(request, prepared).then(
      (answer) => setPush({ status: "answered", answer }),
      (error: unknown) => setPush({ status: "no-answer", reason: reasonOf(error) }),
    );
  }

  function sendAuthorizationRequest(prepared: PreparedAuthorizationRequest, pushed?: { request: LabHttpRequest; answer: PushedAnswer }) {
    const authorizationUrl = pushed?.answer.outcome.ok ? pushed.answer.outcome.authorizationUrl : prepared.session.authorizationUrl;
    // Saved just before the browser leaves: this page is about to unload, and step 3 needs it all.
    saveLabSession({
      ...prepared.session,
      currentStep: 2,
      authorizationUrl,
      discovery: discovery?.messages,
      pushed: pushed ? { request: pushed.request, ...pushed.answer.answer } : undefined,
    });
    window.location.assign(authorizationUrl);
  }

  const prepared = preparation.status === "ready" ? preparation.prepared : null;
  const parEndpoint = prepared?.pushedAuthorizationRequestEndpoint;
  const parRequest = prepared && parEndpoint && pushing ? pushedAuthorizationRequest(prepared, parEndpoint) : null;
  const pushAnswer = push?.status === "answered" ? push.answer : null;
  const failed = preparation.status === "failed" || discovery?.problem !== undefined || (pushAnswer !== null && !pushAnswer.outcome.ok) || push?.status === "no-answer";
  const current = discovering ? 0 : 1;
  return (
    <>
      <LabProgress current={current} failed={failed} withDiscovery={discovery !== null} />
      <WithoutDpopNote />

      <StepSection number={0} status={discovery === null ? "upcoming" : discovery.problem ? "failed" : discovering ? "current" : "done"}>
        {discovery === null && push === null ? (
          <div className="flex flex-wrap items-center gap-4">
            <p className="max-w-3xl text-xl">
              Optional. The lab below already knows PhotoCloud Accounts from its configuration. A client that knows only the
              API, as an MCP client does, finds the rest in three requests first.
            </p>
            <button
              type="button"
              onClick={beginDiscovery}
              className="rounded-xl border-2 border-role-client bg-surface px-5 py-2.5 text-xl font-semibold text-role-client hover:bg-role-client-soft"
            >
              Begin with step 0
            </button>
          </div>
        ) : discovery === null ? (
          <p className="text-xl text-muted">Not this time: the request of step 1 is already pushed.</p>
        ) : (
          <>
            <DiscoveryView messages={discovery.messages} />
            {discovery.problem ? (
              <LabProblem title="Step 0 stopped here">
                <p>{discovery.problem}</p>
              </LabProblem>
            ) : null}
            {discovery.next ? (
              <>
                <AboutToHappen>the lab sends this request, from this browser tab.</AboutToHappen>
                <HttpRequestView request={discovery.next.request} />
              </>
            ) : null}
          </>
        )}
      </StepSection>

      <StepSection number={1} status={discovering ? "upcoming" : failed && discovery?.problem === undefined ? "failed" : "current"}>
        {discovering ? <p className="text-xl text-muted">Step 1 waits for what step 0 finds.</p> : null}
        {!discovering && preparation.status === "preparing" ? (
          <p className="text-xl text-muted">
            Reading PhotoCloud&apos;s metadata, making a PKCE code verifier{labCanUseDpop() ? " and a DPoP key" : ""}…
          </p>
        ) : null}
        {preparation.status === "failed" ? (
          <LabProblem title="The lab could not prepare the request">
            <p>{preparation.reason}</p>
          </LabProblem>
        ) : null}
        {prepared && !discovering ? (
          <>
            <fieldset className="space-y-2">
              <legend className="text-xl font-bold">How the request travels</legend>
              <label className="flex items-center gap-3 text-lg">
                <input type="radio" name="travel" checked={!pushing} onChange={() => setPushing(false)} disabled={push !== null} className="size-5" />
                In the address bar: the browser carries every parameter to the authorization endpoint
              </label>
              <label className={`flex items-center gap-3 text-lg ${parEndpoint ? "" : "text-muted"}`}>
                <input
                  type="radio"
                  name="travel"
                  checked={pushing}
                  onChange={() => setPushing(true)}
                  disabled={!parEndpoint || push !== null}
                  className="size-5"
                />
                Pushed first (PAR, RFC 9126): the lab posts the parameters to PhotoCloud, and the browser carries only a reference
                {parEndpoint ? "" : " (this server offers no pushed_authorization_request_endpoint)"}
              </label>
            </fieldset>
            {parRequest ? (
              <>
                <AboutToHappen>
                  the lab posts the authorization request to PhotoCloud&apos;s pushed authorization request endpoint, from this
                  browser tab. Nothing of it goes through the address bar, where extensions, history and logs could read it.
                </AboutToHappen>
                <HttpRequestView request={parRequest} parametersIn="body" meanings={authorizationRequestParameters} />
                {push?.status === "no-answer" ? (
                  <LabProblem title="No answer from the pushed authorization request endpoint">
                    <p>{push.reason}</p>
                  </LabProblem>
                ) : null}
                {pushAnswer ? (
                  <div className="space-y-4">
                    <h3 className="text-2xl font-bold">PhotoCloud&apos;s answer</h3>
                    <AnswerView answer={pushAnswer.answer} />
                    {pushAnswer.outcome.ok ? (
                      <>
                        <AboutToHappen>
                          your browser goes to the authorization endpoint with only the client_id and the request_uri. PhotoCloud
                          takes every other parameter from the request it keeps. The reference works once, for{" "}
                          {pushAnswer.outcome.pushed.expires_in} seconds.
                        </AboutToHappen>
                        <HttpRequestView
                          request={{ method: "GET", url: pushAnswer.outcome.authorizationUrl, headers: {} }}
                          parametersIn="query"
                          meanings={pushedAuthorizationUrlParameters}
                        />
                      </>
                    ) : (
                      <LabProblem title={`PhotoCloud refused the pushed request: ${pushAnswer.outcome.error.code}`}>
                        <p>{pushAnswer.outcome.error.description}</p>
                      </LabProblem>
                    )}
                  </div>
                ) : null}
              </>
            ) : (
              <>
                <AboutToHappen>
                  your browser leaves this page for this address at PhotoCloud Accounts. The lab found the address in
                  PhotoCloud&apos;s metadata (RFC 8414) and made a fresh state and PKCE pair for it.
                </AboutToHappen>
                <HttpRequestView
                  request={{ method: "GET", url: prepared.session.authorizationUrl, headers: {} }}
                  parametersIn="query"
                  meanings={authorizationRequestParameters}
                />
              </>
            )}
            <p className="max-w-4xl text-lg">
              The code_verifier <code className="rounded bg-sunken px-1 font-mono break-all">{prepared.session.codeVerifier}</code>{" "}
              stays in this tab, in sessionStorage. It is never put in a URL; only the token request of step 4 carries it.
              {prepared.session.dpopJkt
                ? " The DPoP private key named by dpop_jkt stays in this tab too, in IndexedDB, and cannot be read even by the lab: it can only sign."
                : null}
            </p>
          </>
        ) : null}
      </StepSection>
      <StepSection number={2} status="upcoming">
        <p className="max-w-4xl text-xl">
          The lab pauses here. At PhotoCloud Accounts, sign in with a demo account and press Allow (or Deny). PhotoCloud then
          sends your browser back to this lab with a code, and the lab goes on at step 3.
        </p>
      </StepSection>
      <ActionBar current={current}>
        {discovery?.next ? (
          <NextButton label={discovery.next.label} busy={discovery.sending} onClick={() => void advanceDiscovery(discovery)} />
        ) : failed ? (
          <StartOverButton prominent />
        ) : parRequest && prepared && !pushAnswer ? (
          <NextButton
            label="Next: push the authorization request"
            busy={push?.status === "sending"}
            onClick={() => pushAuthorizationRequest(prepared, parRequest)}
          />
        ) : (
          <NextButton
            label="Next: send the authorization request"
            busy={preparation.status === "preparing"}
            onClick={() => {
              if (prepared) sendAuthorizationRequest(prepared, parRequest && pushAnswer ? { request: parRequest, answer: pushAnswer } : undefined);
            }}
          />
        )}
      </ActionBar>
    </>
  );
}
