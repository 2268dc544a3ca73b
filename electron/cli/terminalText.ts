/**
 * Text from a meter printed to a terminal (issue 18): a value or identification may hold control
 * characters — an ESC sequence that recolours, moves the cursor, retitles the window or hides what
 * follows, a carriage return that overwrites the line, a bidi override that reverses it. They are
 * shown escaped (`\x1b`, `\u202e`), so the person sees exactly what the meter sent. Line breaks of
 * our own output stay. JSON output needs none of this: JSON.stringify escapes control characters.
 */
// C0 but line feed, DEL, C1 (ECMA-48), and the Unicode bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
