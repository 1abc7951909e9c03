/**
 * A LIKE pattern matching text that contains `text` literally: `%`, `_` and the escape character
 * `\` (PostgreSQL's default LIKE escape) lose their wildcard meaning, so `q=%` finds a percent sign
 * rather than every row. Every free-text `q=` search builds its pattern here.
 */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
