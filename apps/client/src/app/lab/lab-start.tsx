"use client";

import { useEffect, useState } from "react";
import { prepareAuthorizationRequest, type PreparedAuthorizationRequest } from "@/lab/authorization-step";
import type { LabConfiguration } from "@/lab/configuration";
import { saveLabSession } from "@/lab/lab-session";
import { authorizationRequestParameters } from "@/lab/parameter-meanings";
import { ActionBar, NextButton, StartOverButton } from "./action-bar";
import { HttpRequestView } from "./http-request-view";
import { LabProgress } from "./lab-progress";
import { AboutToHappen, LabProblem, StepSection } from "./step-section";

type Preparation =
  | { status: "preparing" }
  | { status: "ready"; prepared: PreparedAuthorizationRequest }
  | { status: "failed"; reason: string };

/** Steps 1 and 2: the authorization request, shown in full, and what will happen once it is sent. */
export function LabStart({ configuration }: { configuration: LabConfiguration }) {
  const [preparation, setPreparation] = useState<Preparation>({ status: "preparing" });

  useEffect(() => {
    let superseded = false;
    prepareAuthorizationRequest(configuration).then(
      (prepared) => {
        if (!superseded) setPreparation({ status: "ready", prepared });
      },
      (error: unknown) => {
        if (!superseded) setPreparation({ status: "failed", reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      superseded = true;
    };
  }, [configuration]);

  function sendAuthorizationRequest(prepared: PreparedAuthorizationRequest) {
    // Saved just before the browser leaves: this page is about to unload, and step 3 needs it all.
    saveLabSession({ ...prepared.session, currentStep: 2 });
    window.location.assign(prepared.session.authorizationUrl);
  }

  const failed = preparation.status === "failed";
  return (
    <>
      <LabProgress current={1} failed={failed} />
      <StepSection number={1} status={failed ? "failed" : "current"}>
        {preparation.status === "preparing" ? (
          <p className="text-xl text-muted">Reading PhotoCloud&apos;s metadata and making a PKCE code verifier…</p>
        ) : null}
        {preparation.status === "failed" ? (
          <LabProblem title="The lab could not prepare the request">
            <p>{preparation.reason}</p>
          </LabProblem>
        ) : null}
        {preparation.status === "ready" ? (
          <>
            <AboutToHappen>
              your browser leaves this page for this address at PhotoCloud Accounts. The lab found the address in
              PhotoCloud&apos;s metadata (RFC 8414) and made a fresh state and PKCE pair for it.
            </AboutToHappen>
            <HttpRequestView
              request={{ method: "GET", url: preparation.prepared.session.authorizationUrl, headers: {} }}
              parametersIn="query"
              meanings={authorizationRequestParameters}
            />
            <p className="max-w-4xl text-lg">
              The code_verifier{" "}
              <code className="rounded bg-slate-100 px-1 font-mono break-all">{preparation.prepared.session.codeVerifier}</code>{" "}
              stays in this tab, in sessionStorage. It is never put in a URL; only the token request of step 4 carries it.
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
      <ActionBar current={1}>
        {preparation.status === "failed" ? (
          <StartOverButton prominent />
        ) : (
          <NextButton
            label="Next: send the authorization request"
            busy={preparation.status === "preparing"}
            onClick={() => {
              if (preparation.status === "ready") sendAuthorizationRequest(preparation.prepared);
            }}
          />
        )}
      </ActionBar>
    </>
  );
}
