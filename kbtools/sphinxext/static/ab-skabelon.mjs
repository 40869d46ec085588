// The municipality's own Word file as the letterhead of what the builder makes, as
// `kbtools render --skabelon` does: the Word file takes its styles, header, footer and logo,
// the print its logo and the colour of its headings. The file is chosen once, kept in memory
// only (never saved, never sent anywhere) and handed to Python with each render call.

let chosen = null; // { name, base64 }

/** The bytes as base64, in slices so a large file does not overflow the call stack. */
export function bytesToBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Remember `file` (a File from the file input) as the letterhead; no file forgets it. */
export async function chooseTemplate(file) {
  if (!file) {
    chosen = null;
    return null;
  }
  chosen = { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  return chosen.name;
}

/** The arguments of a render call, with the letterhead when one is chosen. */
export function withTemplate(args) {
  return chosen ? { ...args, template: chosen.base64 } : args;
}

/** What to tell the user when Python could not use the file (its Danish reason), or "". */
export function templateProblem(answer) {
  return answer && typeof answer.templateProblem === "string"
    ? "Skabelonen kan ikke bruges: " + answer.templateProblem
    : "";
}
