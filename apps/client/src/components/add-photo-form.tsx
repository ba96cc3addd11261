const motifs = ["sun", "teacup", "clock", "flower", "mirror", "scaffold", "crane", "bricks"];
const palettes = ["amber", "rose", "sky", "crimson", "violet", "teal", "terracotta"];

/** Adds a photo to the album at PhotoCloud: shown only when the user granted photos:write. */
export function AddPhotoForm({ error }: { error?: string }) {
  return (
    <form method="post" action="/photos/add" aria-labelledby="add-photo-heading" className="space-y-3 rounded-xl border-2 border-line bg-surface p-5">
      <h2 id="add-photo-heading" className="text-xl font-bold">
        Add a photo
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Title</span>
          <input name="title" required maxLength={120} className="rounded-lg border-2 border-line px-3 py-2" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Motif</span>
          <select name="motif" className="rounded-lg border-2 border-line px-3 py-2">
            {motifs.map((motif) => (
              <option key={motif}>{motif}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Colours</span>
          <select name="palette" className="rounded-lg border-2 border-line px-3 py-2">
            {palettes.map((palette) => (
              <option key={palette}>{palette}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-role-client-solid px-5 py-2 font-semibold text-white">
          Add photo
        </button>
      </div>
      {error ? (
        <p role="alert" className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-2 font-semibold text-fail">
          {error}
        </p>
      ) : null}
    </form>
  );
}
