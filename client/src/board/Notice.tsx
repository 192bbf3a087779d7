/** A page-wide line instead of the board: loading, or why the board cannot be shown. */
export function Notice({ text, busy = false }: { text: string; busy?: boolean }) {
  return (
    <main className="notice" aria-busy={busy}>
      <p role={busy ? 'status' : 'alert'}>{text}</p>
    </main>
  );
}
