"use client";

import { useEffect, useState, type ReactNode } from "react";
import { receiveAuthorizationResponse, type ReceivedAuthorizationResponse } from "@/lab/authorization-step";
import type { LabConfiguration } from "@/lab/configuration";
import { labDpopKeyPair } from "@/lab/dpop-key";
import type { DpopAttempt, DpopRequestPlan } from "@/lab/dpop-request";
import { loadLabSession, saveLabSession, type LabSession } from "@/lab/lab-session";
import type { StepNumber } from "@/lab/lab-steps";
import { authorizationRequestParameters, pushedAuthorizationUrlParameters, tokenRequestParameters } from "@/lab/parameter-meanings";
import { isDpopBound, photosRequest, replayWithoutKey, sendPhotosRequest, type LabAccessToken, type PhotosAnswer } from "@/lab/resource-step";
import { accessTokenRequest, sendAccessTokenRequest, type AccessTokenAnswer } from "@/lab/token-step";
import { ActionBar, NextButton, StartOverButton } from "./action-bar";
import { AnswerView } from "./answer-view";
import { AuthorizationResponseView } from "./authorization-response-view";
import { DiscoveryView } from "./discovery-view";
import { DpopAttemptsView } from "./dpop-attempts-view";
import { HttpRequestView } from "./http-request-view";
import { LabProgress } from "./lab-progress";
import { PhotosAnswerView } from "./photos-answer-view";
import { ReplayView } from "./replay-view";
import { AboutToHappen, LabProblem, StepSection } from "./step-section";
import { TokenAnswerView } from "./token-answer-view";
import { WithoutDpopNote } from "./without-dpop-note";

type Arrival =
  | { kind: "no-run" }
  | { kind: "code-spent" }
  | { kind: "received"; session: LabSession; received: ReceivedAuthorizationResponse };

/** What the browser brought back, read once: the address bar against this tab's saved run. */
function readArrival(): Arrival {
  const session = loadLabSession();
  if (!session) return { kind: "no-run" };
  // The lab has already sent this code (step 4). A code works once, so the run cannot go on.
  if (session.currentStep > 3) return { kind: "code-spent" };
  return { kind: "received", session, received: receiveAuthorizationResponse(session, window.location.href) };
}

/** Steps 3 to 7, on the lab's redirect URI. */
export function LabCallback({ configuration }: { configuration: LabConfiguration }) {
  const [arrival] = useState(readArrival);
  switch (arrival.kind) {
    case "no-run":
      return (
        <InterruptedRun title="This tab has no lab run in progress">
          <p>
            The lab keeps its state in this tab&apos;s sessionStorage, which another tab or window cannot see. Start over
            to begin a new run here.
          </p>
        </InterruptedRun>
      );
    case "code-spent":
      return (
        <InterruptedRun title="This code has been used already">
          <p>
            The lab sent this code to the token endpoint, and a code works only once. The tokens it received lived in the
            page&apos;s memory only, so reloading the page forgot them.
          </p>
        </InterruptedRun>
      );
    case "received":
      return <LabRun configuration={configuration} session={arrival.session} received={arrival.received} />;
  }
}

function InterruptedRun({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <LabProgress current={3} failed />
      <StepSection number={3} status="failed">
        <LabProblem title={title}>{children}</LabProblem>
      </StepSection>
      <ActionBar current={3}>
        <StartOverButton prominent />
      </ActionBar>
    </>
  );
}

/** A request the lab has sent, and what came of it. */
type Exchange<Answer> = { status: "sending" } | { status: "answered"; answer: Answer } | { status: "no-answer"; reason: string };

function LabRun({
  configuration,
  session,
  received,
}: {
  configuration: LabConfiguration;
  session: LabSession;
  received: ReceivedAuthorizationResponse;
}) {
  // The tokens live in this component's memory only: nothing the lab stores outlives the page. The
  // DPoP key is the tab's, from IndexedDB: the one whose thumbprint step 1 sent as dpop_jkt. It is
  // undefined while being read, and null where the lab runs without DPoP.
  const [keyPair, setKeyPair] = useState<CryptoKeyPair | null | undefined>(undefined);
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const [tokenExchange, setTokenExchange] = useState<Exchange<AccessTokenAnswer> | null>(null);
  const [apiCall, setApiCall] = useState<Exchange<PhotosAnswer> | null>(null);
  const [replay, setReplay] = useState<Exchange<DpopAttempt[]> | null>(null);

  useEffect(() => {
    if (received.outcome.ok) saveLabSession({ ...session, currentStep: 3 });
  }, [session, received]);

  useEffect(() => {
    labDpopKeyPair().then(setKeyPair, (error: unknown) => setKeyProblem(reasonOf(error)));
  }, []);

  const code = received.outcome.ok ? received.outcome.code : null;
  const tokenPlan = code === null ? null : accessTokenRequest(session, code, configuration);
  const tokenAnswer = tokenExchange?.status === "answered" ? tokenExchange.answer : null;
  const accessToken: LabAccessToken | null = tokenAnswer?.outcome.ok
    ? { value: tokenAnswer.outcome.accessToken, tokenType: tokenAnswer.outcome.tokenType }
    : null;
  const apiPlan = accessToken === null ? null : photosRequest(configuration.resourceApiUrl, accessToken);
  const photosAnswer = apiCall?.status === "answered" ? apiCall.answer : null;
  const { current, failed } = progressOf(received, tokenExchange, apiCall);
  // A request is shown under the answer before it: step 4 under step 3, step 6 under step 5.
  useScrollToStep(current === 4 ? 3 : current === 6 ? 5 : current);

  function exchangeCode(plan: DpopRequestPlan, key: CryptoKeyPair | null) {
    // Spent from now on, whatever the answer: the server accepts a code once.
    saveLabSession({ ...session, currentStep: 5 });
    setTokenExchange({ status: "sending" });
    sendAccessTokenRequest(plan, key).then(
      (answer) => setTokenExchange({ status: "answered", answer }),
      (error: unknown) => setTokenExchange({ status: "no-answer", reason: reasonOf(error) }),
    );
  }

  function callApi(plan: DpopRequestPlan, token: LabAccessToken, key: CryptoKeyPair | null) {
    saveLabSession({ ...session, currentStep: 7 });
    setApiCall({ status: "sending" });
    sendPhotosRequest(plan, token, key).then(
      (answer) => setApiCall({ status: "answered", answer }),
      (error: unknown) => setApiCall({ status: "no-answer", reason: reasonOf(error) }),
    );
  }

  function replayToken(token: LabAccessToken, nonce?: string) {
    setReplay({ status: "sending" });
    replayWithoutKey(configuration.resourceApiUrl, token, nonce).then(
      (attempts) => setReplay({ status: "answered", answer: attempts }),
      (error: unknown) => setReplay({ status: "no-answer", reason: reasonOf(error) }),
    );
  }

  const tokenEndpoint = new URL(session.tokenEndpoint);
  const authorizationUrl = new URL(session.authorizationUrl);
  const tokenSent = tokenExchange && tokenExchange.status === "answered" ? tokenExchange.answer.attempts : null;
  const apiSent = apiCall && apiCall.status === "answered" ? apiCall.answer.attempts : null;
  return (
    <>
      <LabProgress current={current} failed={failed} withDiscovery={session.discovery !== undefined} />
      <WithoutDpopNote />

      {session.discovery ? (
        <StepSection
          number={0}
          status="done"
          collapsed
          detailsLabel="Show the three messages"
          summary="The lab called the API without a token, followed its 401 to the API's metadata, and from there to PhotoCloud Accounts' metadata."
        >
          <DiscoveryView messages={session.discovery} />
        </StepSection>
      ) : null}

      <StepSection
        number={1}
        status="done"
        collapsed
        detailsLabel={session.pushed ? "Show the two messages" : "Show the request"}
        summary={
          session.pushed
            ? `The lab pushed the request to ${session.pushed.request.url} (PAR), and your browser went to ${authorizationUrl.origin}${authorizationUrl.pathname} with only the client_id and the request_uri.`
            : `Your browser went to ${authorizationUrl.origin}${authorizationUrl.pathname} with the lab's client_id, scope, state, PKCE code_challenge, resource${session.dpopJkt ? " and dpop_jkt" : ""}.`
        }
      >
        {session.pushed ? (
          <>
            <HttpRequestView request={session.pushed.request} parametersIn="body" meanings={authorizationRequestParameters} />
            <AnswerView answer={session.pushed} />
          </>
        ) : null}
        <HttpRequestView
          request={{ method: "GET", url: session.authorizationUrl, headers: {} }}
          parametersIn="query"
          meanings={session.pushed ? pushedAuthorizationUrlParameters : authorizationRequestParameters}
        />
      </StepSection>

      <StepSection
        number={2}
        status="done"
        collapsed
        summary={`${userDecision(received)} The lab never saw your password.`}
      />

      <StepSection
        number={3}
        status={current === 3 ? "failed" : "done"}
        collapsed={current > 4}
        summary="The code came back with the state the lab sent and the issuer it asked."
      >
        <AuthorizationResponseView session={session} received={received} redirectUri={configuration.redirectUri} />
      </StepSection>

      {tokenPlan ? (
        <StepSection
          number={4}
          status={current === 4 ? "current" : "done"}
          collapsed={current > 4}
          detailsLabel="Show the request"
          summary={`The lab posted the code, its code_verifier${keyPair ? " and a DPoP proof" : ""} to ${tokenEndpoint.origin}${tokenEndpoint.pathname}.`}
        >
          {tokenSent ? (
            <DpopAttemptsView attempts={tokenSent} parametersIn="body" meanings={tokenRequestParameters} />
          ) : (
            <>
              <AboutToHappen>
                the lab posts the code to PhotoCloud&apos;s token endpoint, from this browser tab. The lab is a public client
                and has no secret: the code_verifier proves that the code is its own.
                {keyPair === null
                  ? " Without DPoP here, no proof goes with it, and the token will be a Bearer token."
                  : " A DPoP header is added at that moment: a proof, signed with this tab's key, for this one request (RFC 9449 §4). It proves the lab holds the key the code is bound to, and the token will be bound to it too."}
              </AboutToHappen>
              <HttpRequestView request={tokenPlan.request} parametersIn="body" meanings={tokenRequestParameters} />
              {keyProblem ? (
                <LabProblem title="This tab's DPoP key could not be read">
                  <p>{keyProblem}</p>
                </LabProblem>
              ) : null}
            </>
          )}
        </StepSection>
      ) : null}

      {tokenExchange && tokenExchange.status !== "sending" ? (
        <StepSection
          number={5}
          status={current === 5 ? "failed" : "done"}
          collapsed={current > 6}
          detailsLabel="Show the answer"
          summary={`A ${tokenAnswer?.outcome.ok ? tokenAnswer.outcome.tokenType : ""} access token for the scopes “${tokenAnswer?.outcome.ok ? tokenAnswer.outcome.scope : ""}”, and a refresh token.`}
        >
          {tokenExchange.status === "answered" ? (
            <TokenAnswerView answer={tokenExchange.answer} dpopJkt={session.dpopJkt} />
          ) : (
            <LabProblem title="No answer from the token endpoint">
              <p>{tokenExchange.reason}</p>
            </LabProblem>
          )}
        </StepSection>
      ) : null}

      {apiPlan ? (
        <StepSection
          number={6}
          status={current === 6 ? "current" : "done"}
          collapsed={current > 6}
          detailsLabel="Show the request"
          summary={`The lab sent GET ${apiPlan.request.url} with the access token in the Authorization header${accessToken && isDpopBound(accessToken) ? ", and a DPoP proof" : ""}.`}
        >
          {apiSent ? (
            <DpopAttemptsView attempts={apiSent} />
          ) : (
            <>
              {accessToken && isDpopBound(accessToken) ? (
                <AboutToHappen>
                  the lab asks the PhotoCloud API for the photos, with the access token in the Authorization header and a fresh
                  DPoP proof that carries the token&apos;s hash (ath). The API checks both before it answers; if it wants a
                  nonce of its own in the proof, the lab tries once more with it.
                </AboutToHappen>
              ) : (
                <AboutToHappen>
                  the lab asks the PhotoCloud API for the photos, with the access token in the Authorization header. The API
                  checks the token before it answers.
                </AboutToHappen>
              )}
              <HttpRequestView request={apiPlan.request} />
            </>
          )}
        </StepSection>
      ) : null}

      {apiCall && apiCall.status !== "sending" && accessToken && keyPair !== undefined ? (
        <StepSection number={7} status={failed ? "failed" : "done"}>
          {apiCall.status === "answered" ? (
            <PhotosAnswerView answer={apiCall.answer} access={{ resourceApiUrl: configuration.resourceApiUrl, token: accessToken, keyPair }} />
          ) : (
            <LabProblem title="No answer from the PhotoCloud API">
              <p>{apiCall.reason}</p>
            </LabProblem>
          )}
        </StepSection>
      ) : null}

      {photosAnswer && photosAnswer.status < 400 && accessToken && isDpopBound(accessToken) ? (
        <ReplayView replay={replay} onReplay={() => replayToken(accessToken, photosAnswer.nonce)} />
      ) : null}

      <ActionBar current={current}>
        {current === 4 && tokenPlan ? (
          <>
            <StartOverButton />
            <NextButton
              label="Next: exchange the code"
              busy={tokenExchange?.status === "sending" || keyPair === undefined}
              onClick={() => {
                if (keyPair !== undefined) exchangeCode(tokenPlan, keyPair);
              }}
            />
          </>
        ) : current === 6 && apiPlan ? (
          <>
            <StartOverButton />
            <NextButton
              label="Next: call the API"
              busy={apiCall?.status === "sending" || keyPair === undefined}
              onClick={() => {
                if (keyPair !== undefined && accessToken) callApi(apiPlan, accessToken, keyPair);
              }}
            />
          </>
        ) : (
          <StartOverButton prominent />
        )}
      </ActionBar>
    </>
  );
}

/** Which step the run is at, and whether it stopped there. */
function progressOf(
  received: ReceivedAuthorizationResponse,
  tokenExchange: Exchange<AccessTokenAnswer> | null,
  apiCall: Exchange<PhotosAnswer> | null,
): { current: StepNumber; failed: boolean } {
  if (!received.outcome.ok) return { current: 3, failed: true };
  if (tokenExchange === null || tokenExchange.status === "sending") return { current: 4, failed: false };
  if (tokenExchange.status === "no-answer" || !tokenExchange.answer.outcome.ok) return { current: 5, failed: true };
  if (apiCall === null || apiCall.status === "sending") return { current: 6, failed: false };
  return { current: 7, failed: apiCall.status === "no-answer" || apiCall.answer.status >= 400 };
}

/**
 * Brings the step to look at to the top of the screen: on arrival, and after each request. The
 * progress and the action bar keep telling where the run is.
 */
function useScrollToStep(number: StepNumber) {
  useEffect(() => {
    document.getElementById(`step-${number}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [number]);
}

/** What step 3 tells of step 2, which happened where the lab could not see it. */
function userDecision(received: ReceivedAuthorizationResponse): string {
  if (received.outcome.ok) return "You signed in at PhotoCloud Accounts and allowed the lab's request.";
  if (received.outcome.error.code === "access_denied") return "PhotoCloud Accounts did not allow the lab's request.";
  return "Your browser came back from PhotoCloud Accounts.";
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
