import type { PhotosAnswer } from "@/lab/resource-step";
import { AnswerView } from "./answer-view";
import { PhotoList, type PictureAccess } from "./photo-list";
import { LabProblem } from "./step-section";

/** Step 7: the API's answer, and the photos in it. */
export function PhotosAnswerView({ answer, access }: { answer: PhotosAnswer; access: PictureAccess }) {
  const last = answer.attempts.at(-1)!.answer;
  if (answer.status >= 400) {
    return (
      <div className="space-y-5">
        <AnswerView answer={last} />
        <LabProblem title={`The API refused the request: ${answer.challenge?.error ?? `HTTP ${answer.status}`}`}>
          {answer.challenge?.error_description ? <p>{answer.challenge.error_description}</p> : null}
          {answer.challenge?.scope ? <p>It needs the scope {answer.challenge.scope}.</p> : null}
          <p className="text-muted">An access token lives 10 minutes; if it has expired, start over for a new one.</p>
        </LabProblem>
      </div>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <AnswerView answer={last} />
      <div className="space-y-3">
        <h3 className="text-2xl font-bold">The photos</h3>
        <p className="text-lg text-muted">Each picture is one more request with the same token, and a proof of its own.</p>
        <PhotoList photos={answer.photos} access={{ ...access, nonce: answer.nonce }} />
      </div>
    </div>
  );
}
