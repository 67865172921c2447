const anyControl = /\p{Cc}/u;
// Line breaks and tabs belong in written text (notes, journal lines); other control characters do not.
const controlBesideLineBreaks = /[^\P{Cc}\n\r\t]/u;

/**
 * True when a person's text holds control characters. `multiline` text (a note, a journal
 * entry) may hold line breaks and tabs; a name or a title may not.
 */
export function hasControlCharacters(text: string, multiline = false): boolean {
  return (multiline ? controlBesideLineBreaks : anyControl).test(text);
}
