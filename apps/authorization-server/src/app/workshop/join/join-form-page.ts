import { escapeHtml, htmlPage } from "@/html/message-page";
import { displayNameMaxLength } from "@/workshop/display-name";
import { defaultLaptopPort, redirectUriFor, type JoinField, type JoinForm } from "@/workshop/join";

/** A field's refusal, shown next to it. */
export interface JoinFormError {
  field: JoinField;
  message: string;
}

const style = `
  form { display: grid; gap: 22px; max-width: 520px; }
  label { display: block; font-weight: 700; }
  .hint { margin: 2px 0 6px; color: light-dark(#475569, #cbd5e1); font-size: 16px; }
  input { box-sizing: border-box; width: 100%; font: inherit; padding: 8px 12px; border: 2px solid light-dark(#94a3b8, #64748b); border-radius: 8px; background: light-dark(#fff, #1e293b); color: inherit; }
  input[aria-invalid="true"] { border-color: #b91c1c; }
  .error { margin: 6px 0 0; padding: 8px 12px; border: 2px solid #b91c1c; border-radius: 8px; background: light-dark(#fef2f2, #450a0a); color: light-dark(#991b1b, #fecaca); font-weight: 700; }
  button { justify-self: start; font: inherit; font-weight: 700; padding: 10px 28px; border: 0; border-radius: 8px; background: #b45309; color: #fff; cursor: pointer; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; }`;

/** One labelled input, with its hint, and its error when it was refused. */
function field(
  form: JoinForm,
  error: JoinFormError | undefined,
  name: JoinField,
  label: string,
  hint: string,
  attributes: string,
): string {
  const refused = error?.field === name;
  const describedBy = refused ? `${name}-hint ${name}-error` : `${name}-hint`;
  return `<div>
<label for="${name}">${escapeHtml(label)}</label>
<p id="${name}-hint" class="hint">${hint}</p>
<input id="${name}" name="${name}" value="${escapeHtml(form[name])}" aria-describedby="${describedBy}"${refused ? ' aria-invalid="true" autofocus' : ""} ${attributes}>
${refused ? `<p id="${name}-error" class="error" role="alert">${escapeHtml(error.message)}</p>` : ""}
</div>`;
}

/**
 * The join page: a plain HTML form, written here rather than as a React page so that the handler
 * that refuses a join can answer 400 with the form again, as it was typed, and the error next to
 * its field. The code is kept in the form, in the page and never in a URL; a wrong code is not
 * kept. No script: it works on any laptop's browser, as the room has it.
 */
export function joinFormPage({ status, form, error }: { status: number; form: JoinForm; error?: JoinFormError }): Response {
  const shown = error?.field === "code" ? { ...form, code: "" } : form;
  const main = `<h1>Join the workshop</h1>
<p>You get your own PhotoCloud account and your own registered client for the exercises: nobody else in the room shares them.</p>
<form method="post" action="/workshop/join" aria-label="Join the workshop">
${field(shown, error, "code", "Workshop code", "On the instructor's screen, and in the join link.", 'required autocomplete="off" autocapitalize="none" spellcheck="false"')}
${field(shown, error, "display_name", "Display name", `How the instructor and the room see you, at most ${displayNameMaxLength} characters. Your username is made from it.`, 'required autocomplete="nickname"')}
${field(
  shown,
  error,
  "port",
  "Port on your laptop",
  `Your client's redirect URI will be <code>${escapeHtml(redirectUriFor("<port>"))}</code>, where the program of the exercises listens. Keep ${defaultLaptopPort} unless that port is busy on your laptop.`,
  'required inputmode="numeric" pattern="[0-9]*" autocomplete="off"',
)}
<button type="submit">Join</button>
</form>`;
  return htmlPage({ status, title: "Join the workshop", main, style });
}

/** The form as it first appears: the code from the join link, if any, and the default port. */
export function emptyJoinForm(code: string | undefined): JoinForm {
  return { code: code ?? "", display_name: "", port: String(defaultLaptopPort) };
}
