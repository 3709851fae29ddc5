// Strings a hostile or broken program can put in a profile: markup, script, bidi controls, very long names.
// scripts/parca/hostile.ts writes them into a Parca; tests check every element shows them as inert text.

export const HOSTILE_NAME = 'hostile';
export const HOSTILE_TYPE = 'hostile:cpu:nanoseconds:cpu:nanoseconds:delta';

/** Markup that would run script if it were ever parsed as HTML. */
export const MARKUP_FUNCTION = '<img src=x onerror="window.__pwned=1">main.handler';
export const SCRIPT_FILE = '</title><script>window.__pwned=2</script>.go';
/** Right-to-left override: must not reorder the surrounding text. */
export const BIDI_FUNCTION = 'evil\u202Egnp.exe\u202C.Run';
export const LONG_FUNCTION = `very.long.${'a'.repeat(5000)}.function`;
/** Bytes 0xff 0xfe are not UTF-8; decoders show U+FFFD instead. Written as this placeholder, then patched. */
export const INVALID_UTF8_PLACEHOLDER = 'BADUTF8';
export const INVALID_UTF8_FUNCTION = `bytes.${INVALID_UTF8_PLACEHOLDER}.decode`;
/** A label value (series label and pprof label) with markup in it. */
export const MARKUP_LABEL_VALUE = '"><svg onload="window.__pwned=3">';

export const HOSTILE_FUNCTIONS = [MARKUP_FUNCTION, BIDI_FUNCTION, LONG_FUNCTION, INVALID_UTF8_FUNCTION];
